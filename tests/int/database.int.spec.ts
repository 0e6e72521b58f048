import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { releaseTestDatabase, useTestDatabase } from '../helpers/database'

const database = useTestDatabase('database')

let payload: Payload

beforeAll(async () => {
  const { openCms } = await import('../../scripts/lib/cms')
  payload = await openCms()
})

afterAll(async () => {
  await releaseTestDatabase(database, payload)
})

describe.skipIf(database.onMongo)('SQLite writers', () => {
  test('a write that meets another transaction waits for it to end instead of failing with "database is locked"', async () => {
    // Queueing a job is a write in a transaction of its own, on a collection that needs no tenant.
    const create = (tenant: string) => payload.jobs.queue({ task: 'recomputePopularity', queue: 'default', input: { tenant } })
    // Several transactions in a row, so that later writers are on connections libsql opened after
    // the first (each transaction takes the current connection and a new one is opened).
    for (let i = 0; i < 3; i++) {
      const held = (await payload.db.beginTransaction())!
      const waiting = create(`waits-${i}`).then(
        (doc) => ({ ok: true as const, doc }),
        (error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }),
      )
      await new Promise((resolve) => setTimeout(resolve, 300))
      await payload.db.commitTransaction(held)
      const result = await waiting
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true })
    }
  })
})
