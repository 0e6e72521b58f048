import type { Payload, PayloadRequest, Where } from 'payload'

import type { attemptOutcomes, buildTriggers } from '../collections/Builds'
import { defaultSandboxOrigin } from '../lib/mppOrigin'
import { oneAtATimePer } from '../lib/oneAtATime'
import { isStopping } from '../lib/shutdown'
import type { Build } from '../payload-types'
import { buildTenant, newBuildId } from './buildSite'
import { describeSkipped, exportTenant, type SkippedDocument } from './exportSnapshot'

type Id = number | string
export type BuildTrigger = (typeof buildTriggers)[number]

/** The jobs queue rebuilds run on, apart from scheduled publishing. */
export const rebuildQueue = 'rebuilds'

const idOf = (value: Id | { id: Id }): Id => (typeof value === 'object' ? value.id : value)

/** The last `max` characters of a log, so a failed build's row stays small. */
export const logTail = (text: string, max = 4000): string => (text.length > max ? `…${text.slice(-max)}` : text)

/**
 * Runs queue work one caller at a time in this process, so a burst of webhooks finds the pending
 * build instead of each adding one. Not used inside a write transaction (a hook's): on SQLite that
 * transaction already serializes writers, and waiting here while holding it could deadlock.
 */
export const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => oneAtATimePer(rebuildQueue, work)

/**
 * Queues a rebuild of a tenant, or joins the one already waiting for it, so a burst of triggers
 * becomes at most one running and one pending build. Answers the build's id and whether it joined.
 */
export function queueRebuild(
  payload: Payload,
  tenant: Id,
  trigger: BuildTrigger,
  req?: PayloadRequest,
): Promise<{ buildId: string; coalesced: boolean }> {
  const work = async () => {
    const pending = await payload.find({
      collection: 'builds',
      where: { and: [{ tenant: { equals: tenant } }, { state: { equals: 'queued' } }] },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
      req,
    })
    if (pending.docs[0]) return { buildId: pending.docs[0].buildId, coalesced: true }
    const { slug } = await payload.findByID({ collection: 'tenants', id: tenant, depth: 0, req })
    const build = await payload.create({
      collection: 'builds',
      data: { tenant: tenant as number, buildId: newBuildId(), trigger, state: 'queued' },
      depth: 0,
      req,
    })
    await payload.jobs.queue({ task: 'rebuildTenant', queue: rebuildQueue, input: { build: String(build.id), tenant: slug }, req })
    return { buildId: build.buildId, coalesced: false }
  }
  return req?.transactionID ? work() : oneAtATime(work)
}

type AttemptLog = NonNullable<Build['attemptLogs']>[number]

/** The build's attempt logs with this attempt's appended, so a retry never loses why an earlier attempt failed. */
export function withAttempt(
  build: Pick<Build, 'attemptLogs'>,
  attempt: number,
  outcome: (typeof attemptOutcomes)[number],
  log: string,
): AttemptLog[] {
  return [...(build.attemptLogs ?? []), { attempt, outcome, finishedAt: new Date().toISOString(), log }]
}

/** The build row's rows naming the documents the export left out. */
const skippedRows = (skipped: SkippedDocument[]) =>
  skipped.map(({ collection, id, slug, problem }) => ({ collection, document: id, slug, problem }))

export type RebuildOptions = { sandboxOrigin?: string; centerApiUrl?: string; timeoutMs?: number; signal?: AbortSignal }

/**
 * Runs one queued build: skips it when a newer build of the tenant is already queued, running or
 * live; otherwise exports, builds, checks and switches live, recording each step on the build's row.
 * A failure is recorded with its log and rethrown, so the job is retried with backoff.
 */
export async function runRebuild(payload: Payload, id: Id, options: RebuildOptions = {}): Promise<'live' | 'superseded'> {
  const build = await payload.findByID({ collection: 'builds', id, depth: 0 })
  const tenant = idOf(build.tenant as Id | { id: Id })
  const newer: Where = {
    and: [
      { tenant: { equals: tenant } },
      { createdAt: { greater_than: build.createdAt } },
      { state: { in: ['queued', 'running', 'live'] } },
    ],
  }
  if ((await payload.count({ collection: 'builds', where: newer })).totalDocs > 0) {
    await payload.update({ collection: 'builds', id, depth: 0, data: { state: 'superseded', finishedAt: new Date().toISOString() } })
    return 'superseded'
  }

  const startedAt = new Date()
  const attempt = (build.attempts ?? 0) + 1
  await payload.update({
    collection: 'builds',
    id,
    depth: 0,
    data: { state: 'running', startedAt: startedAt.toISOString(), finishedAt: null, attempts: attempt },
  })
  const seconds = () => Math.round((Date.now() - startedAt.getTime()) / 100) / 10
  let warnings: string[]
  let skipped: SkippedDocument[] = []
  try {
    const { slug } = await payload.findByID({ collection: 'tenants', id: tenant, depth: 0 })
    const exported = await exportTenant(payload, slug)
    skipped = exported.skipped
    for (const document of skipped) payload.logger.warn({ build: build.buildId, tenant: slug, ...document }, describeSkipped(document))
    ;({ warnings } = await buildTenant(exported.snapshot, {
      sandboxOrigin: options.sandboxOrigin ?? process.env.MPP_SANDBOX_ORIGIN ?? defaultSandboxOrigin,
      centerApiUrl: options.centerApiUrl,
      quiet: true,
      buildId: build.buildId,
      timeoutMs: options.timeoutMs ?? rebuildTimeoutMs(),
      signal: options.signal,
    }))
  } catch (error) {
    const log = logTail(error instanceof Error ? error.message : String(error))
    await payload.update({
      collection: 'builds',
      id,
      depth: 0,
      data: {
        state: 'failed',
        finishedAt: new Date().toISOString(),
        duration: seconds(),
        log,
        skipped: skippedRows(skipped),
        attemptLogs: withAttempt(build, attempt, 'failed', log),
      },
    })
    throw error
  }
  const log = logTail(
    [
      'Built, checked and switched live.',
      ...skipped.map((document) => `Warning: ${describeSkipped(document)}`),
      ...warnings.map((warning) => `Warning: ${warning}`),
    ].join('\n'),
  )
  await markLive(payload, tenant, id, {
    state: 'live',
    finishedAt: new Date().toISOString(),
    duration: seconds(),
    log,
    skipped: skippedRows(skipped),
    attemptLogs: withAttempt(build, attempt, 'live', log),
  })
  return 'live'
}

/** Sets a build row live and clears the flag on the tenant's other rows. */
export async function markLive(payload: Payload, tenant: Id, id: Id, data: Record<string, unknown>): Promise<void> {
  await payload.update({
    collection: 'builds',
    where: { and: [{ tenant: { equals: tenant } }, { live: { equals: true } }, { id: { not_equals: id } }] },
    depth: 0,
    data: { live: false },
  })
  await payload.update({ collection: 'builds', id, depth: 0, data: { ...data, live: true } })
}

/** How many rebuild jobs are due now: a read, so polling never takes SQLite's write lock. */
export async function dueRebuilds(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { queue: { equals: rebuildQueue } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
        { processing: { equals: false } },
        { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: new Date().toISOString() } }] },
      ],
    },
  })
  return totalDocs
}

/** The longest a build can run (REBUILD_TIMEOUT_MS, default 10 minutes). */
export const rebuildTimeoutMs = (env: Record<string, string | undefined> = process.env) => Number(env.REBUILD_TIMEOUT_MS ?? 600_000)

/** After how long a job still marked processing cannot be running anywhere: the build timeout, the shutdown grace and a minute. */
export const staleRebuildMs = (env: Record<string, string | undefined> = process.env) =>
  rebuildTimeoutMs(env) + Number(env.CENTER_SHUTDOWN_GRACE_MS || 25_000) + 60_000

/**
 * Takes back rebuilds cut off by a crash or a kill: their jobs, still marked processing, go back to
 * the queue and their builds are marked failed. With `staleAfterMs`, only those untouched for that long.
 */
export async function recoverInterruptedRebuilds(payload: Payload, staleAfterMs = 0): Promise<void> {
  const before = new Date(Date.now() - staleAfterMs).toISOString()
  const stale = (field: string): Where[] => (staleAfterMs ? [{ [field]: { less_than: before } }] : [])
  await payload.update({
    collection: 'payload-jobs',
    where: { and: [{ queue: { equals: rebuildQueue } }, { processing: { equals: true } }, ...stale('updatedAt')] },
    data: { processing: false },
  })
  // Each interrupted build keeps the attempt it was on in its logs, so the retry's row tells the whole story.
  const interrupted = await payload.find({
    collection: 'builds',
    where: { and: [{ state: { equals: 'running' } }, ...stale('startedAt')] },
    depth: 0,
    limit: 0,
    pagination: false,
  })
  const log = 'Interrupted (the process running it stopped); queued again.'
  for (const build of interrupted.docs) {
    await payload.update({
      collection: 'builds',
      id: build.id,
      depth: 0,
      data: { state: 'failed', log, attemptLogs: withAttempt(build, build.attempts ?? 1, 'failed', log) },
    })
  }
}

/** Runs every due rebuild job, one after another (SQLite writes from one process must not overlap). */
export async function runDueRebuilds(payload: Payload): Promise<number> {
  let ran = 0
  // A stopping process takes no new job; another worker (or this one, restarted) runs it.
  while (!isStopping() && (await dueRebuilds(payload)) > 0) {
    const result = await payload.jobs.run({ queue: rebuildQueue, sequential: true, limit: 1 })
    const count = Object.keys(result.jobStatus ?? {}).length
    if (!count) break
    ran += count
  }
  return ran
}
