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
  const sqlite = sqliteAdapter({
    client: { url: sqliteUrl(url) },
    migrationDir: join(rootDir, 'cms', 'migrations'),
    prodMigrations: migrations,
    push: false,
    // No SQLite busy wait: libsql is synchronous, so it would block the whole process, and the
    // transaction holding the lock could not finish meanwhile. waitingForTheLock waits instead.
    busyTimeout: 0,
    wal: true,
    transactionOptions: {},
  })
  return { ...sqlite, init: (args) => waitingForTheLock(sqlite.init(args)) }
}

type SqliteClient = Record<'transaction' | 'execute' | 'batch', (...args: unknown[]) => Promise<unknown>>
const waiting = new WeakSet<object>()

/**
 * SQLite's busy handling, once, for every write. Payload writes in transactions, which libsql
 * begins with BEGIN IMMEDIATE on a connection with no busy timeout, and some writes (the job
 * queue's) as single statements. When another writer holds the lock, the BEGIN or the statement
 * is tried again after a short asynchronous pause, so the process goes on serving and the holder
 * can finish, until it gets the lock. Nothing was done yet, so trying again is clean, and callers
 * never see "database is locked" for a busy moment. (Statements inside a transaction do not pass
 * here: the transaction holds the lock already.)
 */
function waitingForTheLock<T extends { connect?: (...args: never[]) => Promise<void> }>(adapter: T): T {
  const connect = adapter.connect
  if (!connect) return adapter
  adapter.connect = async function (this: { client?: SqliteClient }, ...args: never[]) {
    await connect.apply(this, args)
    const client = this.client
    if (!client || waiting.has(client)) return
    waiting.add(client)
    for (const method of ['transaction', 'execute', 'batch'] as const) {
      const run = client[method].bind(client)
      client[method] = (...args) => retryWhenBusy(() => run(...args), lockWaitAttempts)
    }
  } as T['connect']
  return adapter
}

/** How many times a write asks for the lock (25–100 ms apart: up to about a minute) before it fails. */
const lockWaitAttempts = 1000

/** Whether an error (or its cause) is SQLite's "database is locked". */
export function isBusy(error: unknown): boolean {
  for (let e = error as { message?: unknown; code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY')) return true
    if (typeof e.message === 'string' && e.message.includes('SQLITE_BUSY')) return true
  }
  return false
}

/** Runs work again, after a short pause, while SQLite answers "database is locked". */
export async function retryWhenBusy<T>(work: () => Promise<T>, attempts = lockWaitAttempts): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (!isBusy(error) || attempt >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 75))
    }
  }
}
