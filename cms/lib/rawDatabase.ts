import type { Payload } from 'payload'

/** A MongoDB collection's parts that raw reads and writes use (Mongoose models, as Payload's adapter keeps them). */
type MongoCollection = {
  insertMany: (docs: Record<string, unknown>[]) => Promise<unknown[]>
  find: (
    filter: Record<string, unknown>,
    projection: Record<string, 1>,
  ) => { sort: (by: Record<string, 1>) => { limit: (n: number) => { lean: () => Promise<Record<string, unknown>[]> } } }
}

/** The adapter parts that reads and writes past the Local API use, on the two databases the CMS runs on (cms/database.ts). */
export type RawDatabase =
  | {
      name: 'sqlite'
      drizzle: { all: (query: unknown) => Promise<Record<string, unknown>[]> }
      insert: (args: { db: unknown; tableName: string; values: Record<string, unknown>[] }) => Promise<unknown[]>
    }
  | { name: 'mongoose'; collections: Record<string, MongoCollection> }

/**
 * The database adapter, for the few hot reads and writes where the Local API's per-document cost
 * matters (bulk feedback inserts, the popularity recomputation). `purpose` names the caller in the
 * error an adapter other than SQLite or MongoDB gets.
 */
export function rawDatabase(payload: Payload, purpose: string): RawDatabase {
  const db = payload.db as unknown as RawDatabase | { name: string }
  if (db.name === 'sqlite' || db.name === 'mongoose') return db as RawDatabase
  throw new Error(`${purpose} knows the sqlite and mongoose adapters, not "${db.name}"`)
}
