import { buildNow } from '../../cms/publish/commands'
import { listTenants } from '../../cms/publish/exportSnapshot'
import { portFrom } from '../lib/ports'
import { progress } from '../lib/progress'
import { withCms } from './withCms'

/** `center build`: exports and builds one tenant's site, or every tenant's, and switches it live; each build is a Builds row. */
export async function buildCommand({ tenant }: { tenant?: string }): Promise<void> {
  const sandboxOrigin = `http://localhost:${portFrom(process.env, 'MPP_PORT', 4010)}`
  await withCms(async (payload) => {
    const slugs = tenant ? [tenant] : (await listTenants(payload)).map((t) => t.slug)
    const step = progress('Building', slugs.length)
    for (const slug of slugs) {
      const result = await buildNow(payload, slug, { sandboxOrigin })
      for (const warning of result.warnings) console.warn(`Warning: ${warning}`)
      step(`${slug}: build ${result.buildId} in ${result.seconds.toFixed(1)} s, now live`)
    }
  })
}
