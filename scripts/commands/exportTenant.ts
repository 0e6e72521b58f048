import { writeFileSync } from 'node:fs'

import { describeSkipped, exportTenant } from '../../cms/publish/exportSnapshot'
import { withCms } from './withCms'

/** `center export`: a tenant's published content as a snapshot, on stdout or in a file. */
export async function exportCommand({ tenant, out }: { tenant: string; out?: string }): Promise<void> {
  const { snapshot, skipped } = await withCms((payload) => exportTenant(payload, tenant))
  for (const document of skipped) console.warn(`Warning: ${describeSkipped(document)}`)
  const json = JSON.stringify(snapshot, null, 2)
  if (out) writeFileSync(out, json)
  else console.log(json)
}
