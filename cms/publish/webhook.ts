import { ValidationError, type Endpoint, type PayloadRequest } from 'payload'

import type { RebuildQueued } from '../../content/centerApi'
import { rateLimit, readCapped, refuse } from '../lib/requests'
import { findTenant } from '../lib/tenants'
import { oneAtATime, queueRebuild } from './queue'
import { verifyWebhook } from './webhookVerification'

/** The largest body accepted; a rebuild request needs a few bytes. */
export const maxWebhookBytes = 64 * 1024
/** How long a webhook-id is remembered: longer than the 5-minute signature tolerance, so a replay is always caught. */
const rememberMs = 60 * 60 * 1000

/** The tenant slug a webhook body names: `{ "tenant": "lumopay" }`. */
export function tenantFromBody(body: string): string | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined // not JSON: the caller answers 400
  }
  const tenant = (parsed as { tenant?: unknown } | null)?.tenant
  return typeof tenant === 'string' && tenant ? tenant : undefined
}

/**
 * Per calling address, 600 a minute: room for an MPP's burst (coalesced into one build), while a
 * flood is refused before any database or signature work.
 */
export const webhookRateLimit = { points: 600, seconds: 60 }
const limit = rateLimit('rebuild-webhook', webhookRateLimit.points, webhookRateLimit.seconds)

/** Records a webhook-id for a tenant; false when it was seen before (a replay). */
async function firstDelivery(req: PayloadRequest, tenant: string, id: string): Promise<boolean> {
  const key = `${tenant}:${id}`
  const seen = await req.payload.count({ collection: 'webhook-deliveries', where: { key: { equals: key } } })
  if (seen.totalDocs) return false
  const now = Date.now()
  try {
    await req.payload.create({ collection: 'webhook-deliveries', data: { key, receivedAt: new Date(now).toISOString() } })
  } catch (error) {
    // Two copies at once: the unique index lets one in.
    if (error instanceof ValidationError) return false
    throw error
  }
  await req.payload.delete({
    collection: 'webhook-deliveries',
    where: { receivedAt: { less_than: new Date(now - rememberMs).toISOString() } },
  })
  return true
}

/**
 * POST /api/webhooks/rebuild: an MPP asks for its Center to be rebuilt. The body names the tenant
 * (`{ "tenant": "<slug>" }`), and is signed per Standard Webhooks with one of that tenant's secrets.
 * Answers 202 with the build id; 400 malformed, 401 unsigned, expired, replayed or foreign, 413 too
 * large, 429 over the rate limit; nothing is queued on a refusal.
 */
export const rebuildWebhook: Endpoint = {
  path: '/webhooks/rebuild',
  method: 'post',
  handler: async (req) => {
    const limited = await limit(req)
    if (limited) return limited
    const body = await readCapped(req, maxWebhookBytes)
    if (body === undefined) return refuse(413, 'too-large', `The body must be at most ${maxWebhookBytes} bytes.`)
    const slug = tenantFromBody(body)
    if (!slug) return refuse(400, 'malformed', 'The body must be JSON naming the tenant: { "tenant": "<slug>" }.')

    const tenant = await findTenant(req.payload, slug, { showHiddenFields: true })
    const secrets = (tenant?.webhookSecrets ?? []).flatMap((row) => (row.secret ? [req.payload.decrypt(row.secret)] : []))
    const headers = Object.fromEntries(
      ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, req.headers.get(name) ?? undefined]),
    )
    const verdict = verifyWebhook(body, headers, secrets)
    if (!verdict.ok) return refuse(verdict.status, verdict.code, verdict.detail)
    // An unknown tenant has no secrets, so it never gets here.
    // One delivery at a time in this process: concurrent SQLite write transactions would collide.
    if (!(await oneAtATime(() => firstDelivery(req, slug, headers['webhook-id']!))))
      return refuse(401, 'replayed', 'This webhook-id was already delivered.')

    const { buildId, coalesced } = await queueRebuild(req.payload, tenant!.id, 'webhook')
    return Response.json({ buildId, tenant: slug, coalesced } satisfies RebuildQueued, { status: 202 })
  },
}
