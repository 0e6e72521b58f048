import type { Endpoint } from 'payload'

import { cleanQuery } from '../../../../content/ask'
import {
  draftBodySchema,
  phrasingBodySchema,
  type QaDraftCreated,
  type QaPhrasingAdded,
  type UnansweredQuestions,
} from '../../../../content/centerApi'
import { hasRoleIn } from '../../../access/tenantRoles'
import { unansweredByTenant } from '../../../ask/unanswered'
import { refuse } from '../../../lib/requests'
import { richTextConverter } from '../../../lib/richText'

const idOf = (value: number | string | { id: number | string }) => (typeof value === 'object' ? value.id : value)

/**
 * GET /api/feedback/unanswered: per MPP the signed-in user edits, the questions of the last 90 days
 * that matched nothing or were voted unhelpful, grouped by similarity, most asked first.
 */
export const unansweredQuestions: Endpoint = {
  path: '/unanswered',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'sign-in', 'Sign in to see unanswered questions.')
    const groupsOf = await unansweredByTenant(req.payload, req.user, { req })
    const { docs: tenants } = await req.payload.find({
      collection: 'tenants',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'name',
      select: { name: true, slug: true },
    })
    const mine = tenants.filter((tenant) => hasRoleIn(req.user, tenant.id, 'editor'))
    return Response.json(
      mine.map((tenant) => ({
        tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug },
        groups: groupsOf(tenant.id),
      })) satisfies UnansweredQuestions,
    )
  },
}

/**
 * POST /api/feedback/draft: starts a Q&A draft from a group of asked questions (the question in
 * the users' words, the other wordings as alternatives), in the MPP's first category, for an
 * editor of that MPP to finish. Answers 201 with the draft's id.
 */
export const draftFromQuestion: Endpoint = {
  path: '/draft',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'sign-in', 'Sign in to start a Q&A.')
    const parsed = draftBodySchema.safeParse(await req.json?.().catch(() => undefined))
    if (!parsed.success) return refuse(400, 'malformed', 'The body must name the tenant, the locale and the question.')
    const { tenant, locale, wordings } = parsed.data
    const question = cleanQuery(parsed.data.query)
    if (!question) return refuse(400, 'empty-query', 'The question is empty.')
    if (!hasRoleIn(req.user, tenant, 'editor')) return refuse(403, 'forbidden', "You do not edit this MPP's content.")
    const owner = await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0 }).catch(() => null)
    if (!owner) return refuse(400, 'unknown-tenant', `There is no MPP with id ${tenant}.`)
    const { docs: categories } = await req.payload.find({
      collection: 'qa-categories',
      where: { tenant: { equals: owner.id } },
      sort: 'order',
      limit: 1,
      depth: 0,
    })
    if (!categories[0]) return refuse(400, 'no-category', 'This MPP has no Q&A category yet: add one first.')
    const { toLexical } = await richTextConverter(req.payload)
    const draft = await req.payload.create({
      collection: 'qas',
      locale,
      draft: true,
      overrideAccess: false,
      user: req.user,
      req,
      depth: 0,
      data: {
        tenant: owner.id,
        _status: 'draft',
        question,
        answer: toLexical('Write the answer here.'),
        alternatives: wordings
          .map(cleanQuery)
          .filter((wording) => wording && wording !== question)
          .slice(0, 10),
        category: categories[0].id,
        slug: `asked-${Date.now().toString(36)}`,
        order: 999,
      },
    })
    return Response.json({ id: draft.id } satisfies QaDraftCreated, { status: 201 })
  },
}

/**
 * POST /api/feedback/phrasing: attaches a group of asked questions to an existing Q&A as other
 * phrasings in that locale, saved as a new draft of the Q&A (whoever asks: what is live changes
 * only when a publisher publishes it). Answers 200 with the Q&A's id and its phrasings.
 */
export const phrasingFromQuestion: Endpoint = {
  path: '/phrasing',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'sign-in', 'Sign in to add a phrasing.')
    const parsed = phrasingBodySchema.safeParse(await req.json?.().catch(() => undefined))
    if (!parsed.success) return refuse(400, 'malformed', 'The body must name the Q&A, the locale and the question.')
    const { qa: id, locale } = parsed.data
    const wordings = [parsed.data.query, ...parsed.data.wordings].map(cleanQuery).filter(Boolean)
    if (!wordings.length) return refuse(400, 'empty-query', 'The question is empty.')
    // Read with the user's access: a Q&A of another MPP is not found.
    const qa = await req.payload
      .findByID({ collection: 'qas', id, locale, draft: true, depth: 0, overrideAccess: false, user: req.user, req })
      .catch(() => null)
    if (!qa) return refuse(404, 'unknown-qa', `There is no Q&A with id ${id} that you edit.`)
    if (!hasRoleIn(req.user, idOf(qa.tenant as number | string | { id: number | string }), 'editor'))
      return refuse(404, 'unknown-qa', `There is no Q&A with id ${id} that you edit.`)
    const known = new Set((qa.alternatives ?? []).map((text) => text.toLowerCase()))
    const added = [...new Set(wordings)].filter((wording) => !known.has(wording.toLowerCase()) && wording !== qa.question)
    const alternatives = [...(qa.alternatives ?? []), ...added]
    const saved = await req.payload.update({
      collection: 'qas',
      id: qa.id,
      locale,
      draft: true,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
      data: { alternatives, _status: 'draft' },
    })
    return Response.json({ id: saved.id, added, alternatives: saved.alternatives ?? [] } satisfies QaPhrasingAdded)
  },
}
