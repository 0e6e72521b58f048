import type { Payload } from 'payload'

import { requireTenant } from '../lib/tenants'
import { newBuildId, rollbackTenant } from './buildSite'
import { markLive, queueRebuild, runRebuild, type RebuildOptions } from './queue'

/** The id of the tenant with this slug; throws naming an unknown one. */
const tenantId = async (payload: Payload, slug: string) => (await requireTenant(payload, slug)).id

/** `center rebuild`: queues a rebuild of one tenant, which the running CMS server picks up. */
export async function queueFromCli(payload: Payload, slug: string) {
  return queueRebuild(payload, await tenantId(payload, slug), 'cli')
}

/** What a build run now ended as: its row's id, build id, seconds and the warnings in its log. */
export type BuiltNow = { id: number | string; buildId: string; seconds: number; warnings: string[] }

/**
 * `center build` and the first builds of `center start`: builds one tenant's site now, in this
 * process, through the same owner as every other build (a Builds row, runRebuild's export, build,
 * check and live switch), so it is recorded like the rest. A failure is recorded and thrown.
 */
export async function buildNow(payload: Payload, slug: string, options: RebuildOptions = {}): Promise<BuiltNow> {
  const tenant = await tenantId(payload, slug)
  const row = await payload.create({
    collection: 'builds',
    depth: 0,
    data: { tenant: tenant as number, buildId: newBuildId(), trigger: 'cli', state: 'queued' },
  })
  await runRebuild(payload, row.id, options)
  const built = await payload.findByID({ collection: 'builds', id: row.id, depth: 0 })
  const warnings = (built.log ?? '')
    .split('\n')
    .filter((line) => line.startsWith('Warning: '))
    .map((line) => line.slice('Warning: '.length))
  return { id: built.id, buildId: built.buildId, seconds: built.duration ?? 0, warnings }
}

/** `center rollback`: switches the tenant's live link back to a kept build and records it as a build row that is live. */
export async function rollbackFromCli(payload: Payload, slug: string, to?: string) {
  const tenant = await tenantId(payload, slug)
  const switched = rollbackTenant(slug, to)
  const now = new Date().toISOString()
  const row = await payload.create({
    collection: 'builds',
    depth: 0,
    data: {
      tenant: tenant as number,
      buildId: `${newBuildId()}-rollback`,
      trigger: 'rollback',
      state: 'queued',
      startedAt: now,
      rolledBackTo: switched.to,
      log: `Switched the live site from ${switched.from ?? 'nothing'} back to ${switched.to}.`,
    },
  })
  await markLive(payload, tenant, row.id, { state: 'live', finishedAt: now, duration: 0 })
  return switched
}
