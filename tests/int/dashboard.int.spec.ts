import type { Payload, TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { TenantDashboard } from '../../cms/dashboard/mppDashboard'
import { openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'

// The admin dashboard's data, read as each role signed in: what waits in each of their MPPs, and
// nothing at all of an MPP they do not work in.
const database = useTestDatabase('dashboard')

let payload: Payload
let dashboardOf: (email: string) => Promise<TenantDashboard[]>
const ids: Record<string, number | string> = {}
const lumopayOnly = {
  draft: 'When does my refund reach my card?',
  newQa: 'Can I pay with a lumopay QR sticker?',
  asked: 'qr sticker broken',
}

beforeAll(async () => {
  const { demoEditor } = await import('../../cms/seed')
  const { mppDashboard } = await import('../../cms/dashboard/mppDashboard')
  const { richTextConverter } = await import('../../cms/lib/richText')
  payload = await openSeededCms({ demoUsers: true })
  const userOf = async (email: string) =>
    (await payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0 })).docs[0] as unknown as TypedUser
  dashboardOf = async (email: string) => mppDashboard(payload, { ...(await userOf(email)), collection: 'users' } as TypedUser)
  ids.lumopay = (await payload.find({ collection: 'tenants', where: { slug: { equals: 'lumopay' } } })).docs[0]!.id
  const editor = await userOf(demoEditor('lumopay'))
  const asEditor = { overrideAccess: false, user: { ...editor, collection: 'users' } as TypedUser, depth: 0 } as const

  // A live Q&A whose English (the default locale) changed in a draft: its translations now lag behind.
  const qa = (await payload.find({ collection: 'qas', where: { tenant: { equals: ids.lumopay } }, limit: 1, depth: 0 })).docs[0]!
  ids.changed = qa.id
  await payload.update({ collection: 'qas', id: qa.id, locale: 'en', draft: true, data: { question: lumopayOnly.draft }, ...asEditor })
  // A Q&A never published, written in English only.
  const { toLexical } = await richTextConverter(payload)
  const created = await payload.create({
    collection: 'qas',
    locale: 'en',
    draft: true,
    data: {
      tenant: ids.lumopay,
      _status: 'draft',
      question: lumopayOnly.newQa,
      answer: toLexical('Yes, at shops that show the sticker.'),
      category: qa.category as number,
      slug: 'qr-sticker',
      order: 99,
    },
    ...asEditor,
  })
  ids.created = created.id
  await payload.create({
    collection: 'feedback',
    data: { tenant: ids.lumopay, query: lumopayOnly.asked, kind: 'unanswered', locale: 'en' },
  })
  await payload.create({
    collection: 'builds',
    data: {
      tenant: ids.lumopay,
      buildId: 'lumopay-build-7',
      trigger: 'publish',
      state: 'live',
      live: true,
      skipped: [{ collection: 'qas', document: String(qa.id), slug: qa.slug, problem: 'No English answer.' }],
    },
  })
  await payload.create({
    collection: 'review-requests',
    data: { collection: 'qas', document: String(qa.id), note: 'New wording' },
    ...asEditor,
  })
})

afterAll(async () => {
  await releaseTestDatabase(database, payload)
})

describe('the admin dashboard', () => {
  test("an editor sees their MPP's drafts, translations to do, unanswered questions, builds and review requests, as links", async () => {
    const [lumopay, ...others] = await dashboardOf('editor@lumopay.local')
    expect(others).toEqual([])
    expect(lumopay!.tenant.slug).toBe('lumopay')
    expect(lumopay!.role).toBe('editor')
    expect(lumopay!.drafts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: lumopayOnly.draft, neverPublished: false, href: `/admin/collections/qas/${ids.changed}` }),
        expect.objectContaining({ title: lumopayOnly.newQa, neverPublished: true, href: `/admin/collections/qas/${ids.created}` }),
      ]),
    )
    const changed = lumopay!.translations.find((doc) => doc.id === ids.changed)
    expect(changed?.locales).toEqual([
      { locale: 'zh-Hant', state: 'outdated', href: `/admin/collections/qas/${ids.changed}?locale=zh-Hant` },
      { locale: 'zh-Hans', state: 'outdated', href: `/admin/collections/qas/${ids.changed}?locale=zh-Hans` },
    ])
    expect(lumopay!.translations.find((doc) => doc.id === ids.created)?.locales.map(({ state }) => state)).toEqual(['missing', 'missing'])
    expect(lumopay!.unanswered.map((group) => group.query)).toContain(lumopayOnly.asked)
    expect(lumopay!.builds[0]).toMatchObject({
      buildId: 'lumopay-build-7',
      state: 'live',
      leftOut: [{ problem: 'No English answer.', href: `/admin/collections/qas/${ids.changed}` }],
    })
    expect(lumopay!.reviews).toEqual([
      expect.objectContaining({ title: lumopayOnly.draft, requestedBy: 'editor@lumopay.local', note: 'New wording' }),
    ])
  })

  test("a publisher sees the same MPP's review queue as a publisher", async () => {
    const mpps = await dashboardOf('publisher@lumopay.local')
    expect(mpps.map(({ tenant, role }) => [tenant.slug, role])).toEqual([['lumopay', 'publisher']])
    expect(mpps[0]!.reviews.map((review) => review.href)).toEqual([`/admin/collections/qas/${ids.changed}`])
  })

  test("an editor and a publisher of another MPP see only theirs, and nothing of lumopay's", async () => {
    for (const email of ['editor@hoshi.local', 'publisher@hoshi.local']) {
      const mpps = await dashboardOf(email)
      expect(mpps.map(({ tenant }) => tenant.slug)).toEqual(['hoshi'])
      const shown = JSON.stringify(mpps)
      for (const text of [...Object.values(lumopayOnly), 'lumopay-build-7', 'New wording', 'editor@lumopay.local'])
        expect(shown).not.toContain(text)
      expect(mpps[0]!.reviews).toEqual([])
    }
  })

  test('a super-admin sees every MPP; a user assigned to none sees none', async () => {
    const all = await dashboardOf('admin@center.local')
    expect(all.map(({ tenant }) => tenant.slug).sort()).toEqual(['chaba', 'hoshi', 'lumopay', 'nakhla'])
    expect(all.every(({ role }) => role === 'super-admin')).toBe(true)
    expect(all.find(({ tenant }) => tenant.slug === 'lumopay')!.reviews).toHaveLength(1)
    await payload.create({
      collection: 'users',
      data: { email: 'nobody@center.local', password: 'nobody-at-all', role: 'editor', tenants: [] },
    })
    expect(await dashboardOf('nobody@center.local')).toEqual([])
  })
})
