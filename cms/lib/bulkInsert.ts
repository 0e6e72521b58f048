import type { CollectionSlug, Payload } from 'payload'

type Row = Record<string, unknown> & { createdAt: string }

/** The adapter parts a multi-row insert needs; Payload's Local API creates one document per call. */
type SqliteAdapter = {
  name: 'sqlite'
  drizzle: unknown
  insert: (args: { db: unknown; tableName: string; values: Record<string, unknown>[] }) => Promise<unknown[]>
}
type MongoAdapter = {
  name: 'mongoose'
  collections: Record<string, { insertMany: (docs: Record<string, unknown>[]) => Promise<unknown[]> }>
}

/**
 * Inserts many rows of a flat collection in one database write (one multi-row INSERT on SQLite,
 * one insertMany on MongoDB), for write-heavy events. It skips Payload's validation and hooks, so
 * callers validate first and use it only for collections with no hooks, localized, array or
 * hasMany fields; relationships are ids, and `updatedAt` is `createdAt`.
 */
export async function insertRows(payload: Payload, collection: CollectionSlug, rows: Row[]): Promise<void> {
  if (!rows.length) return
  const db = payload.db as unknown as SqliteAdapter | MongoAdapter
  if (db.name === 'sqlite') {
    const values = rows.map((row) => ({ ...row, updatedAt: row.createdAt }))
    // Drizzle's table for a collection is named after its slug with underscores.
    await db.insert({ db: db.drizzle, tableName: collection.replace(/-/g, '_'), values })
    return
  }
  if (db.name === 'mongoose') {
    await db.collections[collection]!.insertMany(
      rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.createdAt) })),
    )
    return
  }
  throw new Error(`insertRows knows the sqlite and mongoose adapters, not "${(db as { name: string }).name}"`)
}
