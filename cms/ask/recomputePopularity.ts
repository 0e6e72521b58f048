import type { TaskConfig } from 'payload'

import { recomputePopularity as recompute } from './popularity'

type PopularityIO = { input: { tenant: string }; output: { questions: number } }

/** Recomputes a tenant's popular questions from its users' feedback; queued after feedback, a newer request replacing a waiting one. */
export const recomputePopularity: TaskConfig<PopularityIO> = {
  slug: 'recomputePopularity',
  label: "Recompute a tenant's popular questions",
  inputSchema: [{ name: 'tenant', type: 'text', required: true }],
  outputSchema: [{ name: 'questions', type: 'number', required: true }],
  concurrency: { key: ({ input }) => `popularity:${input.tenant}`, exclusive: true, supersedes: true },
  retries: { attempts: 2 },
  handler: async ({ input, req }) => ({ output: { questions: (await recompute(req.payload, input.tenant)).length } }),
}
