import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import type { FeedbackKind } from '../../content/centerApi'
import { rawDatabase } from '../lib/rawDatabase'
import { flushedOnShutdown, isStopping } from '../lib/shutdown'
import { requireTenant } from '../lib/tenants'

/** What users did with an answer of the ask box; `unanswered` is a question it was not sure about. */
export { feedbackKinds, type FeedbackKind } from '../../content/centerApi'

/** How much one event adds to a Q&A's popularity: being asked counts, a helpful vote more, an unhelpful one takes away. */
export const kindWeights: Record<FeedbackKind, number> = { view: 1, helpful: 3, unhelpful: -2, unanswered: 0 }

/** Days after which an event counts half. Exponential decay keeps the ranking's order as time passes with no new feedback, so recomputing only after feedback is enough. */
export const halfLifeDays = 14

/** Feedback older than this adds under a thousandth and is not read. */
export const windowDays = 180

type Id = number | string
/** Feedback events read at a time when recomputing. */
const popularityPage = 2000
export type FeedbackEvent = { qa: Id; kind: FeedbackKind; createdAt: string }
export type QaPopularity = { qa: Id; score: number; views: number; helpful: number; unhelpful: number }

/** Each Q&A's popularity at a moment from its feedback: weighted events, each halving every `halfLifeDays`, never below zero. */
export function popularityScores(events: FeedbackEvent[], now: Date): QaPopularity[] {
  const byQa = new Map<string, QaPopularity>()
  for (const event of events) {
    const key = String(event.qa)
    const row = byQa.get(key) ?? { qa: event.qa, score: 0, views: 0, helpful: 0, unhelpful: 0 }
    const ageDays = Math.max(0, (now.getTime() - new Date(event.createdAt).getTime()) / 86_400_000)
    row.score += kindWeights[event.kind] * 0.5 ** (ageDays / halfLifeDays)
    if (event.kind === 'view') row.views++
    if (event.kind === 'helpful') row.helpful++
    if (event.kind === 'unhelpful') row.unhelpful++
    byQa.set(key, row)
  }
  return [...byQa.values()].map((row) => ({ ...row, score: Math.max(0, Math.round(row.score * 1000) / 1000) }))
}

/** `last` is where the next page starts: a row id (an ObjectId on MongoDB). */
type EventsPage = { events: FeedbackEvent[]; last?: unknown }
type PageQuery = { tenant: Id; since: string; after?: unknown; page: number }

/**
 * One page of a tenant's feedback about Q&As since a moment, in id order after `after`. Read
 * straight from the database (the CMS runs on SQLite or MongoDB, cms/database.ts): through the
 * Local API each row cost about 50 µs of CPU (2.3 s for 46,000 events), on the thread that answers
 * feedback, and a busy MPP's recomputation, due once a minute, reads hundreds of thousands.
 */
async function readEventsPage(payload: Payload, { tenant, since, after, page }: PageQuery): Promise<EventsPage> {
  const db = rawDatabase(payload, 'Popularity')
  if (db.name === 'sqlite') {
    const rows = await db.drizzle.all(
      sql`select id, qa_id as qa, kind, created_at as createdAt from feedback
          where tenant_id = ${tenant} and qa_id is not null and created_at > ${since} and id > ${after ?? 0}
          order by id limit ${page}`,
    )
    const events = rows.map((row) => ({ qa: row.qa as Id, kind: row.kind as FeedbackKind, createdAt: String(row.createdAt) }))
    return { events, last: rows.at(-1)?.id }
  }
  const rows = await db.collections
    .feedback!.find(
      { tenant, qa: { $ne: null }, createdAt: { $gt: new Date(since) }, ...(after === undefined ? {} : { _id: { $gt: after } }) },
      { qa: 1, kind: 1, createdAt: 1 },
    )
    .sort({ _id: 1 })
    .limit(page)
    .lean()
  const events = rows.map((row) => ({
    qa: String(row.qa),
    kind: row.kind as FeedbackKind,
    createdAt: (row.createdAt as Date).toISOString(),
  }))
  return { events, last: rows.at(-1)?._id }
}

/** Recomputes one tenant's popularity rows from its recent feedback; Q&As with no recent feedback drop to zero. */
export async function recomputePopularity(
  payload: Payload,
  tenantSlug: string,
  now = new Date(),
  { page = popularityPage }: { page?: number } = {},
): Promise<QaPopularity[]> {
  const tenant = await requireTenant(payload, tenantSlug)
  const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString()
  const events: FeedbackEvent[] = []
  // Read in pages, by id, giving the event loop back between them: a busy MPP has hundreds of
  // thousands of events, and reading them at once held the CMS server up for seconds.
  for (let after: unknown; ;) {
    const read = await readEventsPage(payload, { tenant: tenant.id, since, after, page })
    events.push(...read.events)
    if (read.events.length < page) break
    after = read.last
    await new Promise((resolve) => setImmediate(resolve))
  }
  const scores = popularityScores(events, now)
  await payload.delete({ collection: 'popularity', where: { tenant: { equals: tenant.id } } })
  for (const row of scores) {
    await payload.create({
      collection: 'popularity',
      data: {
        tenant: tenant.id,
        qa: row.qa as number,
        score: row.score,
        views: row.views,
        helpful: row.helpful,
        unhelpful: row.unhelpful,
        computedAt: now.toISOString(),
      },
    })
  }
  return scores
}

/** Queues a recomputation of a tenant's popularity; a newer request replaces one still waiting, and the CMS server runs it within a minute. */
export async function queuePopularity(payload: Payload, tenantSlug: string): Promise<void> {
  await payload.jobs.queue({ task: 'recomputePopularity', queue: 'default', input: { tenant: tenantSlug } })
}

/** How often a tenant's popularity may be queued for recomputation: once per interval, however much feedback comes in. */
export const popularityEveryMs = 5_000

type Coalescer = { payload: Payload; due: Set<string>; timer?: NodeJS.Timeout; queuing: Set<Promise<void>> }
const coalescerKey = Symbol.for('center.popularityCoalescer')
const coalescers = globalThis as { [coalescerKey]?: Coalescer }

/** Queues one recomputation per tenant that had feedback since the last round; a failure is logged and the tenant stays due for the next round. */
function queueDue(state: Coalescer): Promise<void> {
  clearTimeout(state.timer)
  state.timer = undefined
  const tenants = [...state.due]
  state.due.clear()
  const queued = Promise.all(
    tenants.map((slug) =>
      queuePopularity(state.payload, slug).catch((error: unknown) => {
        state.payload.logger.error(
          { err: error, tenant: slug },
          'Could not queue a popularity recomputation; it is tried again with the next feedback',
        )
        state.due.add(slug)
      }),
    ),
  ).then(() => undefined)
  state.queuing.add(queued)
  void queued.finally(() => state.queuing.delete(queued))
  return queued
}

/**
 * Asks for a tenant's popularity to be recomputed at the end of the current interval: a burst of
 * feedback queues one job per tenant per `popularityEveryMs`, not one per event. The last events
 * of a burst are always covered, as the job is queued after them. While stopping, it queues at once.
 */
export function queuePopularitySoon(payload: Payload, tenantSlug: string): void {
  if (!coalescers[coalescerKey]) {
    coalescers[coalescerKey] = { payload, due: new Set(), queuing: new Set() }
    flushedOnShutdown(flushPopularity)
  }
  const state = coalescers[coalescerKey]
  state.payload = payload
  state.due.add(tenantSlug)
  if (isStopping()) void queueDue(state)
  else state.timer ??= setTimeout(() => void queueDue(state), popularityEveryMs)
}

/** Queues the recomputations still due now, without waiting for the interval, and waits for those under way; the shutdown and tests call it. */
export async function flushPopularity(): Promise<void> {
  const state = coalescers[coalescerKey]
  if (!state) return
  await queueDue(state)
  await Promise.all(state.queuing)
}
