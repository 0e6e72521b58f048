import type { Payload } from 'payload'

import { insertRows } from '../lib/bulkInsert'
import { flushedOnShutdown, handleShutdownSignals, isStopping } from '../lib/shutdown'
import type { FeedbackKind } from './popularity'
import { queuePopularitySoon } from './popularity'

type Id = number | string

/** One feedback event, checked and cleaned by the endpoint, waiting to be written. */
export type FeedbackRow = { tenant: Id; tenantSlug: string; locale: string; kind: FeedbackKind; query: string; qa?: Id; score?: number }

type Waiting = { row: FeedbackRow; createdAt: string; written: () => void; failed: (error: unknown) => void }
type Batcher = { payload: Payload; waiting: Waiting[]; timer?: NodeJS.Timeout; writing: Set<Promise<void>> }

/** How long an event waits for others before its batch is written: short next to a phone's round trip. */
export const batchEveryMs = 100

/** A batch is written at once when it has this many events, so one write stays small. */
export const maxBatch = 250

const batcherKey = Symbol.for('center.feedbackBatch')
/** One batcher per process: Next may bundle this module more than once, and SQLite has one writer. */
const holder = globalThis as { [batcherKey]?: Batcher }

/** The process's batcher, made on the first event; it asks to be flushed when the process stops. */
function batcher(payload: Payload): Batcher {
  if (!holder[batcherKey]) {
    holder[batcherKey] = { payload, waiting: [], writing: new Set() }
    flushedOnShutdown(flushFeedback)
    handleShutdownSignals(payload.logger)
  }
  holder[batcherKey].payload = payload
  return holder[batcherKey]
}

/** Writes the events waiting now in one insert, then tells each caller; a failed write fails each of them. */
function writeWaiting(state: Batcher): Promise<void> {
  clearTimeout(state.timer)
  state.timer = undefined
  const batch = state.waiting.splice(0)
  if (!batch.length) return Promise.resolve()
  const rows = batch.map(({ row: { tenantSlug: _, ...row }, createdAt }) => ({ ...row, createdAt }))
  const write = insertRows(state.payload, 'feedback', rows).then(
    () => {
      for (const event of batch) event.written()
      for (const slug of new Set(batch.filter(({ row }) => row.qa !== undefined).map(({ row }) => row.tenantSlug)))
        queuePopularitySoon(state.payload, slug)
    },
    (error: unknown) => {
      for (const event of batch) event.failed(error)
    },
  )
  state.writing.add(write)
  void write.finally(() => state.writing.delete(write))
  return write
}

/**
 * Stores one feedback event with others that arrive within `batchEveryMs`, in one write, and
 * resolves once it is stored, so a 201 still means stored. While stopping, events are written at once.
 */
export function recordFeedback(payload: Payload, row: FeedbackRow): Promise<void> {
  const state = batcher(payload)
  const stored = new Promise<void>((written, failed) => state.waiting.push({ row, createdAt: new Date().toISOString(), written, failed }))
  if (state.waiting.length >= maxBatch || isStopping()) void writeWaiting(state)
  else state.timer ??= setTimeout(() => void writeWaiting(state), batchEveryMs)
  return stored
}

/** Writes every waiting event now and waits for writes under way; the shutdown and tests call it. Never rejects: each caller hears its own failure. */
export async function flushFeedback(): Promise<void> {
  const state = holder[batcherKey]
  if (!state) return
  await writeWaiting(state)
  await Promise.all(state.writing)
}
