import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { Campaign } from '../../cms/payload-types'

const mongoUrl = process.env.MONGODB_URL
const dataDir = mongoUrl ? mkdtempSync(join(tmpdir(), 'center-rewards-mongo-')) : ''
if (mongoUrl) {
  process.env.CENTER_DATA_DIR = dataDir
  // A database of its own, dropped at the end.
  const url = new URL(mongoUrl)
  url.pathname = `/center-rewards-${process.pid}`
  process.env.DATABASE_URL = url.href
}

let payload: Payload
let tenant: number | string

// No MongoDB server can be installed on these machines (see STACK-NOTES): this runs where MONGODB_URL points at one.
describe.skipIf(!mongoUrl)('vouchers on MongoDB (skipped: MONGODB_URL is not set)', () => {
  beforeAll(async () => {
    const { openCms } = await import('../../scripts/lib/cms')
    const { seed } = await import('../../cms/seed')
    const { readSnapshots } = await import('../../content/files')
    payload = await openCms()
    await seed(payload, readSnapshots(), { demoUsers: false })
    tenant = (await payload.find({ collection: 'tenants', where: { slug: { equals: 'lumopay' } } })).docs[0]!.id
  })

  afterAll(async () => {
    await (payload?.db as unknown as { connection?: { dropDatabase: () => Promise<void> } } | undefined)?.connection?.dropDatabase()
    await payload?.destroy()
    rmSync(dataDir, { recursive: true, force: true })
  })

  const campaign = (budget: number): Promise<Campaign> =>
    payload.create({
      collection: 'campaigns',
      context: { seeding: true },
      depth: 0,
      data: {
        tenant: tenant as number,
        slug: `mongo-race-${budget}`,
        title: 'Race',
        tutorial: {},
        voucher: { merchant: 'Sakura Drug', currency: 'HKD', value: 5000, validityDays: 30 },
        budget,
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 86_400_000).toISOString(),
        _status: 'published',
      },
    })

  test('racing allocations without the in-process queue give one voucher per user and never more than the budget', async () => {
    const { allocateVoucher } = await import('../../cms/rewards/vouchers')
    const c = await campaign(30)
    const racers = [...Array.from({ length: 150 }, (_, i) => `racer-${i}`), ...Array.from({ length: 50 }, () => 'racer-0')]
    const results = await Promise.all(racers.map((user) => allocateVoucher(payload, c, user, 'lumopay')))
    expect(results.filter((r) => r.kind === 'issued')).toHaveLength(30)
    const rows = (await payload.find({ collection: 'vouchers', where: { campaign: { equals: c.id } }, limit: 0, depth: 0 })).docs
    expect(rows).toHaveLength(30)
    expect(new Set(rows.map((v) => v.user)).size).toBe(30)
    expect(new Set(rows.map((v) => v.serial)).size).toBe(30)
    expect(Math.max(...rows.map((v) => v.serial))).toBe(30)
  })
})
