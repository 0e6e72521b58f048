import type { CollectionSlug, Payload } from 'payload'

import { rawDatabase } from './rawDatabase'

type Row = Record<string, unknown> & { createdAt: string }

/**
 * Inserts many rows of a flat collection in one database write (one multi-row INSERT on SQLite,
 * one insertMany on MongoDB), for write-heavy events. It skips Payload's validation and hooks, so
 * callers validate first and use it only for collections with no hooks, localized, array or
 * hasMany fields; relationships are ids, and `updatedAt` is `createdAt`.
 */
export async function insertRows(payload: Payload, collection: CollectionSlug, rows: Row[]): Promise<void> {
  if (!rows.length) return
  const db = rawDatabase(payload, 'insertRows')
  if (db.name === 'sqlite') {
    const values = rows.map((row) => ({ ...row, updatedAt: row.createdAt }))
    // Drizzle's table for a collection is named after its slug with underscores.
    await db.insert({ db: db.drizzle, tableName: collection.replace(/-/g, '_'), values })
    return
  }
  await db.collections[collection]!.insertMany(
    rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.createdAt) })),
  )
}
