import type { Payload } from 'payload'

import { awaitedOnShutdown, handleShutdownSignals, isStopping } from '../lib/shutdown'
import { recoverInterruptedRebuilds, runDueRebuilds, staleRebuildMs } from './queue'

export type RebuildRunner = { stop: () => Promise<void> }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs queued rebuilds in this long-lived process: it checks the queue with a read every
 * `intervalMs` (Payload's autoRun cron fires at most once a minute, too slow for publish-to-live)
 * and runs due jobs one at a time. Jobs live in the database, so a restart picks up where it left.
 */
export function startRebuildRunner(payload: Payload, intervalMs = 1000): RebuildRunner {
  let stopped = false
  // SQLite lives on one machine, so at start every job marked processing was this runner's and was
  // cut off. On MongoDB other workers may be running theirs: only jobs older than any build can run
  // are taken back, checked every minute.
  const staleAfterMs = payload.db.name === 'sqlite' ? 0 : staleRebuildMs()
  let lastSweep: number | undefined
  const loop = (async () => {
    while (!stopped && !isStopping()) {
      try {
        if (lastSweep === undefined || (staleAfterMs && Date.now() - lastSweep > 60_000)) {
          await recoverInterruptedRebuilds(payload, staleAfterMs)
          lastSweep = Date.now()
        }
        await runDueRebuilds(payload)
      } catch (error) {
        // The loop must outlive a database hiccup; the error is logged, and the next tick retries.
        payload.logger.error({ err: error }, 'The rebuild runner could not run the queue')
      }
      await sleep(intervalMs)
    }
  })()
  // A shutdown waits for the loop, so a build it runs can finish and its job record its outcome.
  awaitedOnShutdown(loop)
  return {
    stop: async () => {
      stopped = true
      await loop
    },
  }
}

const runnerKey = Symbol.for('center.rebuildRunner')

/**
 * Payload's onInit: starts the runner once per process when CENTER_REBUILD_RUNNER=1 (`center start`
 * sets it for the CMS server). Next can create more than one Payload instance in a process; a
 * second runner would write concurrently, which SQLite refuses, hence the process-wide guard.
 * Elsewhere on MongoDB (web nodes, `payload jobs:run` workers), starting takes back rebuilds that a
 * dead worker left marked processing long ago.
 */
export function startRebuildRunnerOnce(payload: Payload): void {
  if (process.env.CENTER_REBUILD_RUNNER !== '1') {
    if (payload.db.name !== 'sqlite') {
      recoverInterruptedRebuilds(payload, staleRebuildMs()).catch((error: unknown) =>
        payload.logger.error({ err: error }, 'Could not take back abandoned rebuilds'),
      )
    }
    return
  }
  const holder = globalThis as { [runnerKey]?: RebuildRunner }
  holder[runnerKey] ??= startRebuildRunner(payload, Number(process.env.REBUILD_POLL_MS ?? 1000))
  handleShutdownSignals(payload.logger)
}
