import type { Payload } from 'payload'
import { describe, expect, test } from 'vitest'

import { insertRows } from '../../cms/lib/bulkInsert'
import { rawDatabase } from '../../cms/lib/rawDatabase'

const withAdapter = (name: string) => ({ db: { name } }) as unknown as Payload

describe('raw database access', () => {
  test('gives the SQLite and MongoDB adapters to the hot reads and writes', () => {
    expect(rawDatabase(withAdapter('sqlite'), 'Popularity').name).toBe('sqlite')
    expect(rawDatabase(withAdapter('mongoose'), 'Popularity').name).toBe('mongoose')
  })

  test('refuses any other adapter with an error that names the caller and the adapter, before writing anything', async () => {
    expect(() => rawDatabase(withAdapter('postgres'), 'Popularity')).toThrow(
      'Popularity knows the sqlite and mongoose adapters, not "postgres"',
    )
    await expect(insertRows(withAdapter('postgres'), 'feedback', [{ createdAt: '2026-12-08T00:00:00.000Z' }])).rejects.toThrow(
      'insertRows knows the sqlite and mongoose adapters, not "postgres"',
    )
  })
})
