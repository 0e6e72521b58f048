import { queueFromCli, rollbackFromCli } from '../../cms/publish/commands'
import { withCms } from './withCms'

/** `center rebuild`: queues a rebuild that the running CMS picks up. */
export async function rebuildCommand({ tenant }: { tenant: string }): Promise<void> {
  const { buildId, coalesced } = await withCms((payload) => queueFromCli(payload, tenant))
  console.log(
    coalesced
      ? `A rebuild of ${tenant} was already queued: build ${buildId}.`
      : `Queued build ${buildId} of ${tenant}; the running CMS builds it.`,
  )
}

/** `center rollback`: switches a tenant's site back to the previous kept build, or to `to`. */
export async function rollbackCommand({ tenant, to }: { tenant: string; to?: string }): Promise<void> {
  const { from, to: now } = await withCms((payload) => rollbackFromCli(payload, tenant, to))
  console.log(`Rolled ${tenant} back from build ${from ?? 'none'} to ${now}; it is live.`)
}
