import type { Payload } from 'payload'

import { recoverInterruptedRebuilds, runDueRebuilds } from './rebuilds'

export type RebuildRunner = { stop: () => Promise<void> }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs queued rebuilds in this long-lived process: it checks the queue with a read every
 * `intervalMs` (Payload's autoRun cron fires at most once a minute, too slow for publish-to-live)
 * and runs due jobs one at a time. Jobs live in the database, so a restart picks up where it left.
 */
export function startRebuildRunner(payload: Payload, intervalMs = 1000): RebuildRunner {
  let stopped = false
  const loop = (async () => {
    await recoverInterruptedRebuilds(payload)
    while (!stopped) {
      try {
        await runDueRebuilds(payload)
      } catch (error) {
        // The loop must outlive a database hiccup; the error is logged, and the next tick retries.
        payload.logger.error({ err: error }, 'The rebuild runner could not run the queue')
      }
      await sleep(intervalMs)
    }
  })()
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
 */
export function startRebuildRunnerOnce(payload: Payload): void {
  if (process.env.CENTER_REBUILD_RUNNER !== '1') return
  const holder = globalThis as { [runnerKey]?: RebuildRunner }
  holder[runnerKey] ??= startRebuildRunner(payload, Number(process.env.REBUILD_POLL_MS ?? 1000))
}
