import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

import { peerAddressHeader } from '../../cms/lib/requests'
import type { User } from '../../cms/payload-types'
import { openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'

const database = useTestDatabase('feedback')

let payload: Payload
const tenantId: Record<string, number | string> = {}
let client = 0

beforeAll(async () => {
  payload = await openSeededCms({ demoUsers: true })
  for (const tenant of (await payload.find({ collection: 'tenants', limit: 0 })).docs) tenantId[tenant.slug] = tenant.id
})

afterAll(async () => {
  await releaseTestDatabase(database, payload)
})

/** POSTs a body to /api/feedback as the site would, from its own client address unless one is given. */
async function send(body: string | Uint8Array<ArrayBuffer> | object, from = `203.0.113.${++client}`) {
  const { feedbackEndpoint } = await import('../../cms/collections/Feedback/endpoints/feedback')
  const raw = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body)
  const request = new Request('http://center.test/api/feedback', {
    method: 'POST',
    body: raw,
    headers: { 'content-type': 'application/json', [peerAddressHeader]: from },
  })
  const response = await feedbackEndpoint.handler(Object.assign(request, { payload }) as never)
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
    retryAfter: response.headers.get('retry-after'),
  }
}

const rows = async (tenant: string) =>
  (await payload.find({ collection: 'feedback', where: { tenant: { equals: tenantId[tenant] } }, sort: '-createdAt', depth: 1, limit: 0 }))
    .docs

const user = async (email: string) => (await payload.find({ collection: 'users', where: { email: { equals: email } } })).docs[0] as User

describe('POST /api/feedback', () => {
  test('a vote on an answer is stored for its tenant and locale with the question as typed, and nothing else about the user', async () => {
    const sent = await send({
      tenant: 'lumopay',
      locale: 'zh-Hant',
      kind: 'helpful',
      query: '  退款要幾耐 ',
      qa: 'refund-time',
      score: 0.8,
    })
    expect(sent).toMatchObject({ status: 201, body: { stored: true } })
    const [row] = await rows('lumopay')
    expect(row).toMatchObject({ kind: 'helpful', locale: 'zh-Hant', query: '退款要幾耐', score: 0.8 })
    expect(typeof row!.qa === 'object' && row!.qa?.slug).toBe('refund-time')
    expect(JSON.stringify(row)).not.toContain('203.0.113')
  })

  test('a question the box could not answer is stored without a Q&A', async () => {
    expect((await send({ tenant: 'hoshi', locale: 'ja', kind: 'unanswered', query: '猫の飼い方' })).status).toBe(201)
    expect((await rows('hoshi'))[0]).toMatchObject({ kind: 'unanswered', query: '猫の飼い方', qa: null })
  })

  test('a 10,000-character question is cut to 200 characters, and control characters are dropped', async () => {
    expect(
      (await send({ tenant: 'lumopay', locale: 'en', kind: 'unanswered', query: `why\u0000\u202e ${'a'.repeat(10_000)}` })).status,
    ).toBe(201)
    const [row] = await rows('lumopay')
    expect(row!.query).toHaveLength(200)
    expect(row!.query.startsWith('why a')).toBe(true)
  })

  test('a script-laden question is stored as text, never as markup that runs', async () => {
    expect((await send({ tenant: 'lumopay', locale: 'en', kind: 'unanswered', query: '<script>alert(1)</script> refund?' })).status).toBe(
      201,
    )
    // Stored as the user typed it; the admin renders it with React, which escapes it.
    expect((await rows('lumopay'))[0]!.query).toBe('<script>alert(1)</script> refund?')
  })

  test('bad bodies get a clear 400 or 413 and nothing is stored', async () => {
    const before = (await payload.count({ collection: 'feedback' })).totalDocs
    const cases: [string | Uint8Array<ArrayBuffer> | object, number, string][] = [
      ['not json', 400, 'malformed'],
      [new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x9c]), 400, 'malformed'],
      [{ tenant: 'lumopay', locale: 'en', kind: 'helpful', query: '   \u0000 ', qa: 'refund-time' }, 400, 'empty-query'],
      [{ tenant: 'lumopay', locale: 'en', kind: 'helpful', query: '', qa: 'refund-time' }, 400, 'empty-query'],
      [{ tenant: 'lumopay', locale: 'en', kind: 'helpful', query: 'x'.repeat(40_000), qa: 'refund-time' }, 413, 'too-large'],
      [{ tenant: 'lumopay', locale: 'en', kind: 'helpful', query: 'refund', qa: 'refund-time', email: 'me@example.com' }, 400, 'malformed'],
      [{ tenant: 'lumopay', locale: 'en', kind: 'helpful', query: 'refund' }, 400, 'malformed'],
      [{ tenant: 'lumopay', locale: 'en', kind: 'shared', query: 'refund', qa: 'refund-time' }, 400, 'malformed'],
      [{ tenant: 'nope', locale: 'en', kind: 'view', query: 'refund', qa: 'refund-time' }, 400, 'unknown-tenant'],
      [{ tenant: 'lumopay', locale: 'ja', kind: 'view', query: 'refund', qa: 'refund-time' }, 400, 'unknown-locale'],
      // Another MPP's Q&A: hoshi has "account-locked", lumopay does not.
      [{ tenant: 'lumopay', locale: 'en', kind: 'view', query: 'locked', qa: 'account-locked' }, 400, 'unknown-qa'],
    ]
    for (const [body, status, error] of cases) {
      const sent = await send(body)
      expect(sent.status, JSON.stringify(body).slice(0, 80)).toBe(status)
      expect(sent.type).toBe('application/problem+json')
      expect(sent.body.code).toBe(error)
      expect(typeof sent.body.detail).toBe('string')
    }
    expect((await payload.count({ collection: 'feedback' })).totalDocs).toBe(before)
  })

  test('one client sending more than 30 a minute gets 429 with Retry-After; another client is not held back', async () => {
    const body = { tenant: 'nakhla', locale: 'ar', kind: 'unanswered', query: 'حالة الطقس' }
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) statuses.push((await send(body, '198.51.100.7')).status)
    expect(statuses.every((status) => status === 201)).toBe(true)
    const refused = await send(body, '198.51.100.7')
    expect(refused).toMatchObject({ status: 429, body: { code: 'rate-limited' } })
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    expect((await send(body, '198.51.100.8')).status).toBe(201)
  })
})

describe('feedback under load', () => {
  test('300 events sent at once are each stored exactly once, in batches', async () => {
    const { flushFeedback, maxBatch } = await import('../../cms/ask/feedbackBatch')
    const n = 300
    expect(n).toBeGreaterThan(maxBatch)
    const sent = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        send(
          { tenant: 'lumopay', locale: 'en', kind: 'view', query: `concurrent question ${i}`, qa: 'refund-time' },
          `10.9.${i >> 8}.${i & 255}`,
        ),
      ),
    )
    expect(sent.filter((answer) => answer.status === 201)).toHaveLength(n)
    await flushFeedback()
    const stored = (
      await payload.find({
        collection: 'feedback',
        where: { query: { like: 'concurrent question' } },
        limit: 0,
        depth: 0,
        pagination: false,
      })
    ).docs
    expect(stored.map((row) => row.query).sort()).toEqual(Array.from({ length: n }, (_, i) => `concurrent question ${i}`).sort())
    expect(stored.every((row) => row.tenant === tenantId.lumopay && row.kind === 'view' && row.locale === 'en')).toBe(true)
  })

  test('a burst of votes for two MPPs queues one popularity job per MPP, not one per vote', async () => {
    const { flushPopularity } = await import('../../cms/ask/popularity')
    await flushPopularity()
    const queue = vi.spyOn(payload.jobs, 'queue')
    try {
      await Promise.all([
        ...Array.from({ length: 40 }, (_, i) => send({ tenant: 'hoshi', locale: 'en', kind: 'helpful', query: `burst ${i}`, qa: 'tips' })),
        ...Array.from({ length: 20 }, (_, i) =>
          send({ tenant: 'lumopay', locale: 'en', kind: 'view', query: `burst ${i}`, qa: 'refund-time' }),
        ),
        send({ tenant: 'nakhla', locale: 'ar', kind: 'unanswered', query: 'لا جواب' }),
      ])
      await flushPopularity()
      const tenants = queue.mock.calls.map(([args]) => (args as { input: { tenant: string } }).input.tenant).sort()
      // An unanswered question names no Q&A, so it changes no ranking: nakhla gets no job.
      expect(tenants).toEqual(['hoshi', 'lumopay'])
    } finally {
      queue.mockRestore()
    }
  })
})

describe('popularity from feedback', () => {
  test('votes queue a recomputation; views and helpful votes rank a Q&A up, unhelpful ones down, and pinned Q&As stay first', async () => {
    const { exportSnapshot } = await import('../../cms/publish/exportSnapshot')
    const { popularQas } = await import('../../site/src/lib/content')
    for (let i = 0; i < 3; i++) await send({ tenant: 'hoshi', locale: 'en', kind: 'view', query: 'tip', qa: 'tips' })
    await send({ tenant: 'hoshi', locale: 'en', kind: 'helpful', query: 'tip', qa: 'tips' })
    await send({ tenant: 'hoshi', locale: 'ko', kind: 'view', query: '수수료', qa: 'fees' })
    await send({ tenant: 'hoshi', locale: 'ko', kind: 'unhelpful', query: '수수료', qa: 'fees' })

    const { flushPopularity } = await import('../../cms/ask/popularity')
    await flushPopularity()
    const queued = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'recomputePopularity' } }, { completedAt: { exists: false } }] },
    })
    // Six events, one waiting job for the tenant: a newer request replaces the waiting one.
    expect(queued.docs.filter((job) => (job.input as { tenant: string }).tenant === 'hoshi')).toHaveLength(1)
    await payload.jobs.run({ queue: 'default' })

    const snapshot = await exportSnapshot(payload, 'hoshi')
    const pinned = snapshot.qas.filter((qa) => qa.pinned).map((qa) => qa.slug)
    const top = popularQas(snapshot.qas, pinned.length + 2).map((qa) => qa.slug)
    expect(top.slice(0, pinned.length)).toEqual(pinned)
    expect(top[pinned.length]).toBe('tips')
    expect(snapshot.qas.find((qa) => qa.slug === 'tips')!.popularity).toBeGreaterThan(4)
    // One view (1) and one unhelpful vote (-2) never go below zero.
    expect(snapshot.qas.find((qa) => qa.slug === 'fees')!.popularity).toBe(0)
    // Another MPP's feedback leaves its ranking alone.
    expect((await exportSnapshot(payload, 'nakhla')).qas.every((qa) => qa.popularity === 0)).toBe(true)
  })

  test('a recomputation reads the feedback page by page and counts every event once, whatever the page size', async () => {
    const { recomputePopularity, flushPopularity } = await import('../../cms/ask/popularity')
    for (let i = 0; i < 7; i++) await send({ tenant: 'nakhla', locale: 'en', kind: 'view', query: `paged ${i}`, qa: 'tips' })
    await send({ tenant: 'nakhla', locale: 'en', kind: 'helpful', query: 'paged helpful', qa: 'tips' })
    await flushPopularity()
    const whole = await recomputePopularity(payload, 'nakhla')
    const paged = await recomputePopularity(payload, 'nakhla', new Date(), { page: 3 })
    const tips = (rows: typeof whole) => rows.find((row) => row.views + row.helpful === 8)
    expect(tips(whole)).toMatchObject({ views: 7, helpful: 1, unhelpful: 0 })
    expect(tips(paged)).toMatchObject({ views: 7, helpful: 1, unhelpful: 0 })
    expect(paged.map(({ qa, views, helpful }) => ({ qa, views, helpful }))).toEqual(
      whole.map(({ qa, views, helpful }) => ({ qa, views, helpful })),
    )
  })
  test('a recomputation counts only events about a Q&A of this MPP from the last 180 days', async () => {
    const { recomputePopularity, windowDays } = await import('../../cms/ask/popularity')
    const { insertRows } = await import('../../cms/lib/bulkInsert')
    const qaOf = async (tenant: string) =>
      (
        await payload.find({
          collection: 'qas',
          where: { and: [{ tenant: { equals: tenantId[tenant] } }, { slug: { equals: 'tips' } }] },
          depth: 0,
        })
      ).docs[0]!.id
    const tips = await qaOf('nakhla')
    const views = async () => (await recomputePopularity(payload, 'nakhla')).find((row) => row.qa === tips)?.views ?? 0
    const before = await views()
    const now = new Date().toISOString()
    const row = { tenant: tenantId.nakhla!, locale: 'en', kind: 'view', query: 'window', qa: tips, createdAt: now }
    await insertRows(payload, 'feedback', [
      row,
      { ...row, query: 'too old', createdAt: new Date(Date.now() - (windowDays + 1) * 86_400_000).toISOString() },
      { ...row, query: 'about no Q&A', qa: undefined, kind: 'unanswered' },
      // Filed under another MPP: only the tenant tells it apart.
      { ...row, query: 'another MPP', tenant: tenantId.hoshi! },
    ])
    expect(await views()).toBe(before + 1)
  })
})

describe('unanswered questions in the admin', () => {
  test("an editor sees their MPP's unanswered questions grouped, and starts a Q&A draft from one; another MPP's editor cannot", async () => {
    const { unansweredQuestions, draftFromQuestion } = await import('../../cms/collections/Feedback/endpoints/unansweredQuestions')
    for (const query of ['Can I pay with Apple Pay?', 'can i pay with apple pay', 'pay with apple pay?'])
      await send({ tenant: 'lumopay', locale: 'en', kind: 'unanswered', query })
    await send({ tenant: 'hoshi', locale: 'en', kind: 'unanswered', query: 'hoshi only question about karaoke' })

    const editor = await user('editor@lumopay.local')
    const listed = (await (await unansweredQuestions.handler({ payload, user: editor } as never)).json()) as {
      tenant: { slug: string }
      groups: { query: string; count: number; wordings: string[]; locale: string }[]
    }[]
    expect(listed.map((entry) => entry.tenant.slug)).toEqual(['lumopay'])
    const apple = listed[0]!.groups.find((group) => /apple pay/i.test(group.query))!
    expect(apple.count).toBe(3)
    expect(JSON.stringify(listed)).not.toContain('karaoke')

    const draft = (body: object, as: User) => draftFromQuestion.handler({ payload, user: as, json: async () => body } as never)
    const made = await draft({ tenant: tenantId.lumopay, locale: 'en', query: apple.query, wordings: apple.wordings }, editor)
    expect(made.status).toBe(201)
    const { id } = (await made.json()) as { id: number }
    const qa = await payload.findByID({ collection: 'qas', id, draft: true, locale: 'en', depth: 0 })
    expect(qa).toMatchObject({ _status: 'draft', question: apple.query, tenant: tenantId.lumopay })
    expect(qa.alternatives?.length).toBe(2)

    expect((await draft({ tenant: tenantId.lumopay, locale: 'en', query: 'x' }, await user('editor@hoshi.local'))).status).toBe(403)
  })
})

describe('attaching an asked question to a Q&A', () => {
  test("an editor adds users' wordings to a published Q&A as a draft: the live version is unchanged; another MPP's Q&A is out of reach", async () => {
    const { phrasingFromQuestion } = await import('../../cms/collections/Feedback/endpoints/unansweredQuestions')
    const attach = (body: object, as: User) => phrasingFromQuestion.handler({ payload, user: as, json: async () => body } as never)
    const [published] = (
      await payload.find({
        collection: 'qas',
        where: { and: [{ tenant: { equals: tenantId.lumopay } }, { slug: { equals: 'refund-time' } }] },
        locale: 'en',
        depth: 0,
      })
    ).docs
    const before = published!.alternatives ?? []
    const editor = await user('editor@lumopay.local')

    const answer = await attach(
      { qa: published!.id, locale: 'en', query: 'when do i see my money again', wordings: ['money back when?', before[0]] },
      editor,
    )
    expect(answer.status).toBe(200)
    expect(((await answer.json()) as { added: string[] }).added).toEqual(['when do i see my money again', 'money back when?'])
    const draft = await payload.findByID({ collection: 'qas', id: published!.id, draft: true, locale: 'en', depth: 0 })
    expect(draft.alternatives).toEqual([...before, 'when do i see my money again', 'money back when?'])
    const live = await payload.findByID({ collection: 'qas', id: published!.id, locale: 'en', depth: 0 })
    expect(live._status).toBe('published')
    expect(live.alternatives).toEqual(before)

    const foreign = await attach({ qa: published!.id, locale: 'en', query: 'x y z' }, await user('editor@hoshi.local'))
    expect(foreign.status).toBe(404)
    expect((await attach({ qa: published!.id, locale: 'en', query: '\u0000' }, editor)).status).toBe(400)
    expect((await attach({ qa: published!.id, locale: 'xx', query: 'refund' }, editor)).status).toBe(400)
  })
})

// Last in the file: once stopped, this process writes each event at once, which no test above relies on.
describe('stopping the CMS', () => {
  test('feedback still waiting for its batch is written before the process stops', async () => {
    const { recordFeedback } = await import('../../cms/ask/feedbackBatch')
    const { shutDown } = await import('../../cms/lib/shutdown')
    const stored = recordFeedback(payload, {
      tenant: tenantId.hoshi!,
      tenantSlug: 'hoshi',
      locale: 'ja',
      kind: 'unanswered',
      query: 'waiting when the CMS stops',
    })
    expect(await shutDown(5_000)).toBe(true)
    const where = { query: { equals: 'waiting when the CMS stops' } }
    expect((await payload.count({ collection: 'feedback', where })).totalDocs).toBe(1)
    await stored
  })
})
