import { join } from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
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

/**
 * The database adapter for DATABASE_URL. SQLite's schema comes from migrations, never from a dev
 * push. On MongoDB, Payload uses transactions only when the URL names a replica set (a standalone
 * server runs without them), and the unique indexes (slugs, webhook-ids, one voucher per user and per budget slot) are built
 * before the first request, so neither a replayed webhook nor an extra voucher can slip in while
 * they are still being created.
 */
export function databaseAdapter(url = process.env.DATABASE_URL): DatabaseAdapterObj {
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
