import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { join } from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { dataDir, rootDir } from './env'
import { migrations } from './migrations'

export type DatabaseKind = 'sqlite' | 'mongodb'

/** Which adapter a DATABASE_URL asks for: unset or file: is SQLite, mongodb:// or mongodb+srv:// is MongoDB. */
export function databaseKind(url: string | undefined): DatabaseKind {
  if (!url || url.startsWith('file:')) return 'sqlite'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  throw new Error(`DATABASE_URL must start with file:, mongodb:// or mongodb+srv://, not "${url.split(':')[0]}:"`)
}

/** The SQLite file URL: DATABASE_URL when it is a file: URL, otherwise center.db in the data folder. */
export function sqliteUrl(url: string | undefined): string {
  return url?.startsWith('file:') ? url : `file:${join(dataDir, 'center.db')}`
}

/** The database adapter for DATABASE_URL. The schema comes from migrations, never from a dev push. */
export function databaseAdapter(url = process.env.DATABASE_URL): DatabaseAdapterObj {
  // Unique indexes keep vouchers within budget and one per user: they must exist before the first claim.
  if (databaseKind(url) === 'mongodb') return mongooseAdapter({ url: url!, ensureIndexes: true })
  return sqliteAdapter({
    client: { url: sqliteUrl(url) },
    migrationDir: join(rootDir, 'cms', 'migrations'),
    prodMigrations: migrations,
    push: false,
    busyTimeout: 5000,
    wal: true,
    transactionOptions: {},
  })
}
