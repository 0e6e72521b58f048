import { join } from 'node:path'

import { seed } from '../../cms/seed'
import { readSnapshots } from '../../content/files'
import { progress } from '../lib/progress'
import { withCms } from './withCms'

/** `center seed`: loads content/tenants (or `from`) into the database, idempotently, with demo users outside production. */
export async function seedCommand({ from }: { from?: string }): Promise<void> {
  const snapshots = readSnapshots(from)
  const demoUsers = process.env.NODE_ENV !== 'production'
  // Images sit beside the snapshots' folder: content/tenants/*.json name files in content/media.
  const mediaDir = from ? join(from, '..', 'media') : undefined
  const step = progress('Seeding', snapshots.length)
  const report = await withCms((payload) =>
    seed(payload, snapshots, {
      demoUsers,
      mediaDir,
      onTenant: (slug, tenant) => step(`${slug}: ${tenant.created} created, ${tenant.existing} already there`),
    }),
  )
  console.log(`Seed: ${report.created} created, ${report.existing} already there.`)
}
