import type { Payload } from 'payload'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { User } from '../../cms/payload-types'
import { mongoUrl, noMongoReason, openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'

// With MONGODB_URL every integration spec runs on MongoDB; this one checks what only MongoDB does
// differently (string ids, unique indexes, no migrations) across the suite's core: seed, export, a job.
const mongo = mongoUrl()
const database = mongo ? useTestDatabase('mongodb') : undefined

describe.skipIf(!mongo)(mongo ? 'the core on MongoDB' : `the core on MongoDB (skipped: ${noMongoReason})`, () => {
  let payload: Payload

  beforeAll(async () => {
    payload = await openSeededCms({ demoUsers: true })
  }, 300_000)

  afterAll(async () => {
    await releaseTestDatabase(database!, payload)
  })

  test('the CMS runs on MongoDB, seeding gives string ids, and every tenant exports the content it was seeded from', async () => {
    const { readSnapshots } = await import('../../content/files')
    const { exportSnapshot } = await import('../../cms/publish/exportSnapshot')
    expect(payload.db.name).toBe('mongoose')
    const tenants = (await payload.find({ collection: 'tenants', limit: 0, depth: 0 })).docs
    expect(tenants.every((tenant) => typeof tenant.id === 'string')).toBe(true)
    const bySlug = (list: { slug: string }[]) => [...list].sort((a, b) => a.slug.localeCompare(b.slug))
    for (const snapshot of readSnapshots()) {
      const exported = await exportSnapshot(payload, snapshot.tenant.slug)
      expect({ ...exported, guides: bySlug(exported.guides), qas: bySlug(exported.qas), categories: bySlug(exported.categories) }).toEqual({
        ...snapshot,
        guides: bySlug(snapshot.guides),
        qas: bySlug(snapshot.qas),
        categories: bySlug(snapshot.categories),
      })
    }
  })

  test('a signed webhook queues a rebuild job that builds the tenant live, and the same delivery again is refused as a replay', async () => {
    const { createWebhookSecret } = await import('../../cms/collections/Tenants/endpoints/createWebhookSecret')
    const { rebuildWebhook } = await import('../../cms/publish/webhook')
    const { runDueRebuilds } = await import('../../cms/publish/queue')
    const { liveBuild } = await import('../../cms/publish/buildSite')
    const tenant = (await payload.find({ collection: 'tenants', where: { slug: { equals: 'hoshi' } } })).docs[0]!
    const admin = (await payload.find({ collection: 'users', where: { email: { equals: 'admin@center.local' } } })).docs[0] as User
    const created = await createWebhookSecret.handler({
      payload,
      user: admin,
      routeParams: { id: String(tenant.id) },
      json: async () => ({}),
    } as never)
    const { secret } = (await created.json()) as { secret: string }
    await runDueRebuilds(payload)

    const body = JSON.stringify({ tenant: 'hoshi' })
    const id = `msg_mongo_${Date.now()}`
    const timestamp = new Date()
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, timestamp, body),
    }
    const deliver = async () => {
      const request = new Request('http://center.test/api/webhooks/rebuild', {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
      })
      const response = await rebuildWebhook.handler(Object.assign(request, { payload }) as never)
      return { status: response.status, body: (await response.json()) as { buildId?: string; error?: string } }
    }
    const accepted = await deliver()
    expect(accepted.status).toBe(202)
    expect(await deliver()).toMatchObject({ status: 401, body: { code: 'replayed' } })

    await runDueRebuilds(payload)
    const build = (await payload.find({ collection: 'builds', where: { buildId: { equals: accepted.body.buildId } }, depth: 0 })).docs[0]!
    expect(build).toMatchObject({ state: 'live', live: true })
    expect(liveBuild('hoshi')).toBe(accepted.body.buildId)
  })

  test('readiness says ready on MongoDB, with no migrations to wait for', async () => {
    const { ready } = await import('../../cms/endpoints/health')
    const response = await ready.handler(Object.assign(new Request('http://center.test/api/ready'), { payload }) as never)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ready', database: 'mongodb' })
  })
})
