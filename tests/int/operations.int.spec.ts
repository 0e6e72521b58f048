import type { Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { peerAddressHeader } from '../../cms/lib/requests'
import { openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'

const database = useTestDatabase('operations')

let payload: Payload

// Seeding takes long when the machine is busy: more than the default two minutes.
beforeAll(async () => {
  payload = await openSeededCms({ demoUsers: false })
}, 300_000)

afterAll(async () => {
  await releaseTestDatabase(database, payload)
})

/** Calls a Center API endpoint in process, as Payload's router would. */
async function call(
  endpoint: { handler: (req: PayloadRequest) => Promise<Response> | Response },
  init: RequestInit & { url?: string } = {},
) {
  const request = new Request(init.url ?? 'http://center.test/api', init)
  const response = await endpoint.handler(Object.assign(request, { payload }) as unknown as PayloadRequest)
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> }
}

describe('health and readiness', () => {
  test('liveness answers ok, and readiness answers ready with the database in use', async () => {
    const { health, ready } = await import('../../cms/endpoints/health')
    expect(await call(health)).toMatchObject({ status: 200, body: { status: 'ok' } })
    const answer = await call(ready)
    expect(answer).toMatchObject({ status: 200, body: { status: 'ready', database: database.onMongo ? 'mongodb' : 'sqlite' } })
    expect(answer.headers.get('cache-control')).toBe('no-store')
  })
})

describe.skipIf(database.onMongo)('migrations (SQLite; MongoDB needs none)', () => {
  test('a database from the previous release keeps its content when the current release starts, and readiness waits for the migration', async () => {
    const { migrations } = await import('../../cms/migrations')
    const { ready } = await import('../../cms/endpoints/health')
    const { exportSnapshot } = await import('../../cms/publish/exportSnapshot')
    const { openCms } = await import('../../scripts/lib/cms')
    const before = await exportSnapshot(payload, 'lumopay')
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          (['tenants', 'guides', 'qas', 'qa-categories'] as const).map(async (collection) => [
            collection,
            (await payload.count({ collection })).totalDocs,
          ]),
        ),
      )
    const countsBefore = await counts()

    // Back to the previous release's schema: undo the newest migration and forget it was applied.
    const newest = migrations.at(-1)!
    await newest.down({ db: (payload.db as unknown as { drizzle: never }).drizzle, payload, req: {} as never })
    await payload.delete({ collection: 'payload-migrations', where: { name: { equals: newest.name } } })
    expect(await call(ready)).toMatchObject({
      status: 503,
      body: { status: 'not-ready', problems: [`Migrations not applied: ${newest.name}`] },
    })

    // What `npm start` does on start: apply the pending migrations.
    await openCms()
    expect(await call(ready)).toMatchObject({ status: 200, body: { status: 'ready' } })
    expect(await counts()).toEqual(countsBefore)
    expect(await exportSnapshot(payload, 'lumopay')).toEqual(before)
  })
})

describe('rate limits on public endpoints', () => {
  test('the rebuild webhook refuses a flood from one address with 429 and Retry-After, and other addresses still get through', async () => {
    const { rebuildWebhook, webhookRateLimit } = await import('../../cms/publish/webhook')
    const from = (address: string) => ({ method: 'POST', body: 'not json', headers: { [peerAddressHeader]: address } })
    for (let i = 0; i < webhookRateLimit.points; i++) expect((await call(rebuildWebhook, from('198.51.100.7'))).status).toBe(400)
    const refused = await call(rebuildWebhook, from('198.51.100.7'))
    expect(refused).toMatchObject({ status: 429, body: { code: 'rate-limited' } })
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await call(rebuildWebhook, from('198.51.100.8'))).status).toBe(400)
  })
})

describe('graceful shutdown', () => {
  // Last in this file: the process stays "stopping" afterwards.
  test('a build cut off by a shutdown is recorded failed and stays queued for a retry, and readiness answers 503 meanwhile', async () => {
    const { queueRebuild, runDueRebuilds } = await import('../../cms/publish/queue')
    const { shutDown } = await import('../../cms/lib/shutdown')
    const { ready } = await import('../../cms/endpoints/health')
    const tenant = (await payload.find({ collection: 'tenants', where: { slug: { equals: 'hoshi' } } })).docs[0]!
    const { buildId } = await queueRebuild(payload, tenant.id, 'cli')
    const row = async () => (await payload.find({ collection: 'builds', where: { buildId: { equals: buildId } }, depth: 0 })).docs[0]!
    const running = runDueRebuilds(payload)
    await expect.poll(async () => (await row()).state, { timeout: 60_000, interval: 100 }).toBe('running')

    const stopped = shutDown(0)
    expect(await call(ready)).toMatchObject({ status: 503, body: { status: 'stopping' } })
    expect(await stopped).toBe(false)
    await running
    expect(await row()).toMatchObject({ state: 'failed', log: expect.stringContaining('grace period ran out') })
    const job = (
      await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'rebuildTenant' } },
        sort: '-createdAt',
        limit: 1,
        depth: 0,
      })
    ).docs[0]!
    expect(job.input).toMatchObject({ build: String((await row()).id) })
    expect(job).toMatchObject({ hasError: false, processing: false })
    expect(job.completedAt ?? null).toBeNull()
    expect(new Date(job.waitUntil!).getTime()).toBeGreaterThan(Date.now())
  })
})
