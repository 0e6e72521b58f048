import type { Payload } from 'payload'

import { requireTenant } from '../lib/tenants'
import { newBuildId, rollbackTenant } from './buildSite'
import { markLive, queueRebuild } from './queue'

/** The id of the tenant with this slug; throws naming an unknown one. */
const tenantId = async (payload: Payload, slug: string) => (await requireTenant(payload, slug)).id

/** `center rebuild`: queues a rebuild of one tenant, which the running CMS server picks up. */
export async function queueFromCli(payload: Payload, slug: string) {
  return queueRebuild(payload, await tenantId(payload, slug), 'cli')
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
