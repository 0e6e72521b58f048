import type { TaskConfig } from 'payload'

import { duringShutdownGrace, isStopping } from '../lib/shutdown'
import { runRebuild } from './queue'

type RebuildIO = { input: { build: string; tenant: string }; output: { state: string } }

/**
 * Exports a tenant's published content, builds its site into a new folder, checks it and switches
 * it live. One tenant builds at a time (the concurrency key); failures retry with backoff.
 */
export const rebuildTenant: TaskConfig<RebuildIO> = {
  slug: 'rebuildTenant',
  label: "Rebuild a tenant's site",
  inputSchema: [
    { name: 'build', type: 'text', required: true },
    { name: 'tenant', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'state', type: 'text', required: true }],
  // Coalescing happens when queueing (queueRebuild joins the pending build) and when a job starts
  // (an older build yields to a newer one). Payload's `supersedes` would also do it, but it deletes
  // outside the caller's transaction, which deadlocks SQLite when a publish hook queues.
  concurrency: { key: ({ input }) => `rebuild:${input.tenant}`, exclusive: true },
  retries: { attempts: 2, backoff: { type: 'exponential', delay: 10_000 } },
  // On SIGTERM a running build gets the grace period to finish; then it is aborted, recorded failed,
  // and retried. A process that is stopping starts none (the job waits for the next attempt).
  handler: async ({ input, req }) => {
    if (isStopping()) throw new Error('This process is shutting down; the build will run on the next attempt')
    return {
      output: { state: await duringShutdownGrace(req.payload.logger, (signal) => runRebuild(req.payload, input.build, { signal })) },
    }
  },
}
