import { getPayload, type Payload } from 'payload'

import config from '../../cms/payload.config'

/** Opens the CMS through the Local API with its schema migrated to the latest version. */
export async function openCms(): Promise<Payload> {
  const payload = await getPayload({ config })
  // `next start` applies these migrations itself (prodMigrations); scripts and tests apply them here.
  if (payload.db.name === 'sqlite') await payload.db.migrate()
  return payload
}
