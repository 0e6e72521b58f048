import { getPayload, type Payload } from 'payload'

import { migrations } from '../../cms/migrations'
import config from '../../cms/payload.config'

type Migrations = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']

/** Opens the CMS through the Local API with its schema migrated to the latest version. */
export async function openCms(): Promise<Payload> {
  const payload = await getPayload({ config })
  // `next start` applies the same list itself (prodMigrations). Payload's migration type takes
  // `unknown` arguments where the generated files declare the adapter's: the cast bridges the two.
  if (payload.db.name === 'sqlite') await payload.db.migrate({ migrations: migrations as unknown as Migrations })
  return payload
}
