import { existsSync, readFileSync, watch } from 'node:fs'
import { join } from 'node:path'
import type { Payload, Where } from 'payload'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { User } from '../../cms/payload-types'
import { openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'
import { freePort } from '../helpers/freePort'

const database = useTestDatabase('rebuild')

let payload: Payload
let siteUrl: string
let closeSite: () => Promise<void>
const secrets: Record<string, string> = {}
const tenantId: Record<string, number | string> = {}

const build = () => import('../../cms/publish/buildSite')
const rebuilds = () => import('../../cms/publish/queue')

beforeAll(async () => {
  const { createWebhookSecret } = await import('../../cms/collections/Tenants/endpoints/createWebhookSecret')
  const { startSite } = await import('../../scripts/lib/serve')
  payload = await openSeededCms({ demoUsers: true })
  for (const tenant of (await payload.find({ collection: 'tenants', limit: 0 })).docs) tenantId[tenant.slug] = tenant.id
  const admin = (await payload.find({ collection: 'users', where: { email: { equals: 'admin@center.local' } } })).docs[0] as User
  for (const slug of ['lumopay', 'hoshi']) {
    const response = await createWebhookSecret.handler({
      payload,
      user: admin,
      routeParams: { id: String(tenantId[slug]) },
      json: async () => ({}),
    } as never)
    secrets[slug] = ((await response.json()) as { secret: string }).secret
  }
  // Adding a secret changed the tenants, which queued their rebuilds: run them, so each tenant has a live site.
  await (await rebuilds()).runDueRebuilds(payload)
  const site = await startSite(await freePort())
  siteUrl = site.url
  closeSite = site.close
}, 300_000) // Seeding and three builds: more than the default two minutes on a busy machine.

afterAll(async () => {
  await closeSite?.()
  await releaseTestDatabase(database, payload)
})

/** Calls POST /api/webhooks/rebuild in process with a raw body and headers. */
async function deliver(body: string, headers: Record<string, string>) {
  const { rebuildWebhook } = await import('../../cms/publish/webhook')
  const { peerAddressHeader } = await import('../../cms/lib/requests')
  // The CMS server stamps the socket's address on every request (cms/instrumentation.ts); in process, the test does.
  const request = new Request('http://center.test/api/webhooks/rebuild', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', [peerAddressHeader]: '127.0.0.1', ...headers },
  })
  const response = await rebuildWebhook.handler(Object.assign(request, { payload }) as never)
  return { status: response.status, body: (await response.json()) as { error?: string; buildId?: string; coalesced?: boolean } }
}

let sequence = 0
/** Standard Webhooks headers made by the standardwebhooks package. */
function sign(secret: string, body: string, at = new Date(), id = `msg_${++sequence}_${Date.now()}`) {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  }
}

const queued = async () => ({
  builds: (await payload.count({ collection: 'builds' })).totalDocs,
  jobs: (await payload.count({ collection: 'payload-jobs', where: { queue: { equals: 'rebuilds' } } })).totalDocs,
})

const lumopayBody = JSON.stringify({ tenant: 'lumopay' })

describe('the rebuild webhook', () => {
  test('a forged, expired, foreign-tenant, oversized or malformed webhook is refused with its reason and queues nothing', async () => {
    const before = await queued()
    const forged = `whsec_${Buffer.from('not the tenant secret!!!').toString('base64')}`
    const cases: [string, Record<string, string>, number, string][] = [
      [lumopayBody, sign(forged, lumopayBody), 401, 'bad-signature'],
      [lumopayBody, sign(secrets.lumopay!, lumopayBody, new Date(Date.now() - 6 * 60_000)), 401, 'expired'],
      [lumopayBody, sign(secrets.hoshi!, lumopayBody), 401, 'bad-signature'],
      [JSON.stringify({ tenant: 'nobody' }), sign(secrets.lumopay!, JSON.stringify({ tenant: 'nobody' })), 401, 'no-secret'],
      [JSON.stringify({ tenant: 'lumopay', pad: 'x'.repeat(70_000) }), {}, 413, 'too-large'],
      ['not json', sign(secrets.lumopay!, 'not json'), 400, 'malformed'],
      [lumopayBody, { 'webhook-id': 'msg_x' }, 400, 'missing-headers'],
    ]
    for (const [body, headers, status, error] of cases) {
      expect(await deliver(body, headers)).toMatchObject({ status, body: { code: error } })
    }
    expect(await queued()).toEqual(before)
  })

  test("a webhook signed with the tenant's secret is accepted with a build id, and the same delivery again is refused as a replay", async () => {
    const headers = sign(secrets.lumopay!, lumopayBody)
    const accepted = await deliver(lumopayBody, headers)
    expect(accepted).toMatchObject({ status: 202, body: { buildId: expect.stringMatching(/^\d{8}T\d{6}Z-/) } })
    const before = await queued()
    expect(await deliver(lumopayBody, headers)).toMatchObject({ status: 401, body: { code: 'replayed' } })
    expect(await queued()).toEqual(before)
  })
})

describe('the rebuild pipeline', () => {
  test('a burst of 200 webhooks and a publish for one tenant runs at most two builds, and the site shows the last content', async () => {
    const { startRebuildRunner } = await import('../../cms/publish/runner')
    await (await rebuilds()).runDueRebuilds(payload)
    const since = new Date().toISOString()
    const runner = startRebuildRunner(payload, 200)
    const burst = () => Promise.all(Array.from({ length: 100 }, () => deliver(lumopayBody, sign(secrets.lumopay!, lumopayBody))))
    const first = await burst()
    const qa = (
      await payload.find({
        collection: 'qas',
        where: { and: [{ tenant: { equals: tenantId.lumopay } }, { slug: { equals: 'refund-time' } }] },
      })
    ).docs[0]!
    await payload.update({
      collection: 'qas',
      id: qa.id,
      locale: 'en',
      data: { question: 'How many days until my refund arrives?', _status: 'published' },
    })
    const second = await burst()
    expect([...first, ...second].every((r) => r.status === 202)).toBe(true)

    const ofBurst: Where = { and: [{ tenant: { equals: tenantId.lumopay } }, { createdAt: { greater_than_equal: since } }] }
    await expect
      .poll(
        async () =>
          (await payload.count({ collection: 'builds', where: { and: [ofBurst, { state: { in: ['queued', 'running'] } }] } })).totalDocs,
        { timeout: 120_000, interval: 500 },
      )
      .toBe(0)
    await runner.stop()

    const rows = (await payload.find({ collection: 'builds', where: ofBurst, limit: 0, depth: 0 })).docs
    const ran = rows.filter((row) => row.startedAt)
    expect(ran.length).toBeGreaterThan(0)
    expect(ran.length).toBeLessThanOrEqual(2)
    expect(ran.every((row) => row.state === 'live' || row.state === 'superseded')).toBe(true)
    expect(new Set([...first, ...second].map((r) => r.body.buildId)).size).toBeLessThanOrEqual(rows.length)
    const live = await fetch(`${siteUrl}/lumopay/en/qas/`)
    expect(await live.text()).toContain('How many days until my refund arrives?')
  })

  test('a build killed halfway is recorded as failed with its log, every request meanwhile gets the previous site, and its retry goes live', async () => {
    const { liveBuild, buildsDir } = await build()
    const { queueRebuild, runRebuild, runDueRebuilds } = await rebuilds()
    const liveBefore = liveBuild('lumopay')
    const pageBefore = await (await fetch(`${siteUrl}/lumopay/en/qas/`)).text()
    const { buildId } = await queueRebuild(payload, tenantId.lumopay!, 'cli')
    const row = (await payload.find({ collection: 'builds', where: { buildId: { equals: buildId } } })).docs[0]!

    // Kill astro once it starts writing the new build's folder: halfway through.
    const abort = new AbortController()
    const watcher = watch(join(buildsDir, 'lumopay'), (_event, name) => {
      if (name === buildId) abort.abort()
    })
    const statuses: number[] = []
    let building = true
    const reader = (async () => {
      while (building) {
        const response = await fetch(`${siteUrl}/lumopay/en/qas/`)
        statuses.push(response.status)
        expect(await response.text()).toBe(pageBefore)
      }
    })()
    await expect(runRebuild(payload, row.id, { signal: abort.signal })).rejects.toThrow(/killed \(SIGKILL, aborted\)/)
    building = false
    await reader
    watcher.close()

    expect(statuses.length).toBeGreaterThan(0)
    expect(statuses.every((status) => status === 200)).toBe(true)
    expect(liveBuild('lumopay')).toBe(liveBefore)
    expect(existsSync(join(buildsDir, 'lumopay', buildId))).toBe(false)
    expect(await payload.findByID({ collection: 'builds', id: row.id })).toMatchObject({
      state: 'failed',
      live: false,
      log: expect.stringMatching(/killed/),
    })

    await runDueRebuilds(payload)
    const retried = await payload.findByID({ collection: 'builds', id: row.id })
    expect(retried).toMatchObject({ state: 'live', live: true, attempts: 2 })
    expect(liveBuild('lumopay')).toBe(buildId)
    // The retry keeps the failed attempt's log beside its own.
    expect(retried.attemptLogs).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'failed', log: expect.stringMatching(/killed \(SIGKILL, aborted\)/) }),
      expect.objectContaining({ attempt: 2, outcome: 'live', log: expect.stringContaining('switched live') }),
    ])
  })

  test('a published document without default-locale text, written past the publish check, is left out of the build and named in its log and row; the rest goes live', async () => {
    const { toLexical } = await (await import('../../cms/lib/richText')).richTextConverter(payload)
    const { queueRebuild, runDueRebuilds } = await rebuilds()
    const hoshi = tenantId.hoshi as number
    // Seeding's context skips the check, as a document saved before the rule or through the Local API did.
    const unchecked = { context: { seeding: true }, locale: 'en' as const, depth: 0 }
    const refunds = (await payload.find({ collection: 'qa-categories', where: { tenant: { equals: hoshi } }, limit: 1, sort: 'order' }))
      .docs[0]!
    const enOnlyQa = await payload.create({
      collection: 'qas',
      ...unchecked,
      data: {
        tenant: hoshi,
        category: refunds.id,
        slug: 'english-only',
        order: 90,
        _status: 'published',
        question: 'Only written in English?',
        answer: toLexical('Yes.'),
      },
    })
    const enOnlyCategory = await payload.create({
      collection: 'qa-categories',
      ...unchecked,
      data: { tenant: hoshi, slug: 'english-category', order: 90, name: 'English only' },
    })
    const inThatCategory = await payload.create({
      collection: 'qas',
      ...unchecked,
      locale: 'ja',
      data: {
        tenant: hoshi,
        category: enOnlyCategory.id,
        slug: 'in-english-category',
        order: 91,
        _status: 'published',
        question: '英語のカテゴリの質問',
        answer: toLexical('はい。'),
      },
    })

    const { buildId } = await queueRebuild(payload, hoshi, 'cli')
    await runDueRebuilds(payload)
    const row = (await payload.find({ collection: 'builds', where: { buildId: { equals: buildId } }, depth: 0 })).docs[0]!
    expect(row).toMatchObject({ state: 'live', live: true })
    expect(row.skipped?.map(({ collection, document, slug }) => ({ collection, document, slug }))).toEqual(
      expect.arrayContaining([
        { collection: 'qas', document: String(enOnlyQa.id), slug: 'english-only' },
        { collection: 'qa-categories', document: String(enOnlyCategory.id), slug: 'english-category' },
        { collection: 'qas', document: String(inThatCategory.id), slug: 'in-english-category' },
      ]),
    )
    expect(row.skipped).toHaveLength(3)
    expect(row.skipped!.find((s) => s.slug === 'english-only')!.problem).toContain('needs the default locale "ja"')
    expect(row.log).toContain(`Left out qas ${enOnlyQa.id} ("english-only"): question: needs the default locale "ja"`)

    const sibling = (
      await payload.find({
        collection: 'qas',
        where: { and: [{ category: { equals: refunds.id } }, { slug: { not_equals: 'english-only' } }] },
        locale: 'ja',
        limit: 1,
        depth: 0,
      })
    ).docs[0]!
    const page = await (await fetch(`${siteUrl}/hoshi/en/qas/${refunds.slug}/`)).text()
    expect(page).toContain(`id="${sibling.slug}"`)
    expect(page).not.toContain('id="english-only"')
    expect((await fetch(`${siteUrl}/hoshi/en/qas/english-category/`)).status).toBe(404)
  })

  test('rollback switches the live site back to the previous build in one step and records it as live', async () => {
    const { liveBuild, keptBuilds, buildsDir } = await build()
    const { rollbackFromCli } = await import('../../cms/publish/commands')
    const kept = keptBuilds('lumopay')
    const current = liveBuild('lumopay')!
    const previous = kept[kept.indexOf(current) - 1]!
    const { from, to } = await rollbackFromCli(payload, 'lumopay', undefined)
    expect({ from, to }).toEqual({ from: current, to: previous })
    const served = await (await fetch(`${siteUrl}/lumopay/en/qas/`)).text()
    expect(served).toBe(readFileSync(join(buildsDir, 'lumopay', previous, 'lumopay', 'en', 'qas', 'index.html'), 'utf8'))
    const lives = (
      await payload.find({ collection: 'builds', where: { and: [{ tenant: { equals: tenantId.lumopay } }, { live: { equals: true } }] } })
    ).docs
    expect(lives).toEqual([expect.objectContaining({ trigger: 'rollback', state: 'live', rolledBackTo: previous })])
  })

  test("editors read their own MPP's builds only", async () => {
    const editor = (await payload.find({ collection: 'users', where: { email: { equals: 'editor@hoshi.local' } } })).docs[0]!
    const { docs } = await payload.find({
      collection: 'builds',
      limit: 0,
      depth: 0,
      overrideAccess: false,
      user: { ...editor, collection: 'users' },
    })
    expect(docs.length).toBeGreaterThan(0)
    expect(new Set(docs.map((doc) => doc.tenant))).toEqual(new Set([tenantId.hoshi]))
    await expect(
      payload.create({
        collection: 'builds',
        overrideAccess: false,
        user: { ...editor, collection: 'users' },
        data: { tenant: tenantId.hoshi as number, buildId: 'x', trigger: 'cli', state: 'live' },
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
