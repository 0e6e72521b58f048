import type { Endpoint, Payload } from 'payload'

import { cleanQuery } from '../../../../content/ask'
import { feedbackBodySchema, maxFeedbackBytes, type Feedback, type FeedbackStored } from '../../../../content/centerApi'
import { recordFeedback } from '../../../ask/feedbackBatch'
import { rateLimit, readCapped, refuse } from '../../../lib/requests'
import { shortLived } from '../../../lib/shortLived'
import { findTenant } from '../../../lib/tenants'
import type { Tenant } from '../../../payload-types'

export { maxFeedbackBytes }

/** One client may send this many feedback events a minute: a user asking and voting, not a script. */
const limited = rateLimit('feedback', 30, 60)

/** How long a tenant or Q&A looked up for feedback is reused: a Q&A unpublished just now may still get votes for this long. */
export const lookupTtlMs = 5_000
const tenants = shortLived<Tenant | undefined>(lookupTtlMs)
const qas = shortLived<number | string | undefined>(lookupTtlMs)

/** The published Q&A of a tenant that a slug names: its id, or undefined. */
async function publishedQaId(payload: Payload, tenant: Tenant, slug: string): Promise<number | string | undefined> {
  const { docs } = await payload.find({
    collection: 'qas',
    where: { and: [{ tenant: { equals: tenant.id } }, { slug: { equals: slug } }, { _status: { equals: 'published' } }] },
    limit: 1,
    depth: 0,
    select: { slug: true },
  })
  return docs[0]?.id
}

/** Parses a feedback body: the data, or the sentence saying what is wrong. */
export function parseFeedback(text: string): { data: Feedback } | { problem: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { problem: 'The body must be JSON.' } // not JSON (or binary): the caller answers 400
  }
  const result = feedbackBodySchema.safeParse(json)
  if (!result.success)
    return { problem: result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ') }
  return { data: result.data }
}

/**
 * POST /api/feedback: the ask box reports a question and what happened to it (an answer shown,
 * a vote, or no answer). Anonymous, called cross-origin from the site; rate-limited per client.
 * The question is stored cleaned and cut to 200 characters, batched with other events into one
 * write (see recordFeedback); tenant and Q&A lookups are reused for a few seconds. Answers 201
 * once stored; 400 malformed, unknown tenant, locale or Q&A, or an empty question; 413 too large; 429 too many.
 */
export const feedbackEndpoint: Endpoint = {
  // On the feedback collection, so it takes the place of the REST create at /api/feedback.
  path: '/',
  method: 'post',
  handler: async (req) => {
    const tooMany = await limited(req)
    if (tooMany) return tooMany
    const text = await readCapped(req, maxFeedbackBytes)
    if (text === undefined) return refuse(413, 'too-large', `The body must be at most ${maxFeedbackBytes} bytes.`)
    const parsed = parseFeedback(text)
    if ('problem' in parsed) return refuse(400, 'malformed', parsed.problem)
    const { tenant: slug, locale, kind, qa: qaSlug, score } = parsed.data
    const query = cleanQuery(parsed.data.query)
    if (!query) return refuse(400, 'empty-query', 'The question is empty once control characters and spaces are removed.')

    const tenant = await tenants(slug, () => findTenant(req.payload, slug))
    if (!tenant) return refuse(400, 'unknown-tenant', `There is no MPP "${slug}".`)
    if (!tenant.enabledLocales.includes(locale))
      return refuse(400, 'unknown-locale', `${tenant.name} does not offer the locale "${locale}".`)
    const qa = qaSlug ? await qas(`${tenant.id}\u0000${qaSlug}`, () => publishedQaId(req.payload, tenant, qaSlug)) : undefined
    if (qaSlug && qa === undefined) return refuse(400, 'unknown-qa', `${tenant.name} has no published Q&A "${qaSlug}".`)

    await recordFeedback(req.payload, { tenant: tenant.id, tenantSlug: slug, locale, kind, query, qa, score })
    return Response.json({ stored: true } satisfies FeedbackStored, { status: 201 })
  },
}
