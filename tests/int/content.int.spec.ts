import { createLocalReq, type Payload } from 'payload'
import { applyLocaleFiltering } from 'payload/shared'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { Snapshot } from '../../content/schema'
import { comparable } from '../helpers/contentSnapshots'
import { releaseTestDatabase, useTestDatabase } from '../helpers/database'

const database = useTestDatabase('content')

let payload: Payload
let snapshots: Snapshot[]
let seed: typeof import('../../cms/seed').seed
let exportSnapshot: typeof import('../../cms/publish/exportSnapshot').exportSnapshot
let toLexical: (markdown: string) => never

beforeAll(async () => {
  const { openCms } = await import('../../scripts/lib/cms')
  ;({ seed } = await import('../../cms/seed'))
  ;({ exportSnapshot } = await import('../../cms/publish/exportSnapshot'))
  snapshots = (await import('../../content/files')).readSnapshots()
  payload = await openCms()
  toLexical = (await (await import('../../cms/lib/richText')).richTextConverter(payload)).toLexical as never
  await seed(payload, snapshots, { demoUsers: true })
})

afterAll(async () => {
  await releaseTestDatabase(database, payload)
})

describe('seed and export', () => {
  test('seeding a second time changes nothing', async () => {
    const before = await payload.count({ collection: 'qas' })
    const report = await seed(payload, snapshots, { demoUsers: true })
    expect(report.created).toBe(0)
    expect((await payload.count({ collection: 'qas' })).totalDocs).toBe(before.totalDocs)
  })

  test('exporting a seeded tenant gives back the content it was seeded from, in every locale', async () => {
    for (const snapshot of snapshots) {
      expect(comparable(await exportSnapshot(payload, snapshot.tenant.slug))).toEqual(comparable(snapshot))
    }
  })

  test('a draft stays out of the export until it is published', async () => {
    const { docs } = await payload.find({ collection: 'tenants', where: { slug: { equals: 'lumopay' } } })
    const draft = await payload.create({
      collection: 'guides',
      draft: true,
      data: {
        tenant: docs[0]!.id,
        slug: 'draft-guide',
        product: 'online',
        order: 9,
        title: 'Unfinished guide',
        steps: [{ body: toLexical('Step') }],
        _status: 'draft',
      },
    })
    expect((await exportSnapshot(payload, 'lumopay')).guides.map((g) => g.slug)).not.toContain('draft-guide')
    await payload.update({ collection: 'guides', id: draft.id, data: { _status: 'published' } })
    expect((await exportSnapshot(payload, 'lumopay')).guides.map((g) => g.slug)).toContain('draft-guide')
    await payload.delete({ collection: 'guides', id: draft.id })
  })

  test('exporting an unknown tenant names it', async () => {
    await expect(exportSnapshot(payload, 'nope')).rejects.toThrow('Unknown tenant "nope"')
  })
})

describe('access', () => {
  test('an anonymous reader gets published guides only', async () => {
    const { docs: tenants } = await payload.find({ collection: 'tenants', where: { slug: { equals: 'hoshi' } } })
    const draft = await payload.create({
      collection: 'guides',
      draft: true,
      data: {
        tenant: tenants[0]!.id,
        slug: 'secret-draft',
        product: 'online',
        order: 9,
        title: 'Secret draft',
        steps: [{ body: toLexical('Step') }],
        _status: 'draft',
      },
    })
    const { docs } = await payload.find({ collection: 'guides', overrideAccess: false, user: null, limit: 0 })
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.map((d) => d.slug)).not.toContain('secret-draft')
    await payload.delete({ collection: 'guides', id: draft.id })
  })

  test("an editor of one MPP cannot read another MPP's guides", async () => {
    const { docs: users } = await payload.find({ collection: 'users', where: { email: { equals: 'editor@hoshi.local' } } })
    const editor = { ...users[0]!, collection: 'users' as const }
    const { docs } = await payload.find({ collection: 'guides', overrideAccess: false, user: editor, limit: 0, depth: 1 })
    expect(docs.length).toBe(snapshots.find((s) => s.tenant.slug === 'hoshi')!.guides.length)
    expect(docs.every((guide) => typeof guide.tenant === 'object' && guide.tenant?.slug === 'hoshi')).toBe(true)
  })
})

describe("the admin's locale menu", () => {
  /** The locales the admin's menu lists for a user (by e-mail, or nobody) with a tenant picked in the tenant selector, as Payload builds it. */
  async function menuFor(email: string | null, picked?: string): Promise<{ code: string; label: unknown }[]> {
    const user = email
      ? { ...(await payload.find({ collection: 'users', where: { email: { equals: email } } })).docs[0]!, collection: 'users' as const }
      : undefined
    const tenant = picked && (await payload.find({ collection: 'tenants', where: { slug: { equals: picked } } })).docs[0]!.id
    const headers = new Headers(tenant ? { cookie: `payload-tenant=${tenant}` } : {})
    const req = await createLocalReq({ user, req: { headers } }, payload)
    const clientConfig = { localization: { ...payload.config.localization } } as never
    await applyLocaleFiltering({ clientConfig, config: payload.config, req })
    return (clientConfig as { localization: { locales: { code: string; label: unknown }[] } }).localization.locales
  }
  const codes = (menu: { code: string }[]) => menu.map((locale) => locale.code)

  test("offers an editor of hoshi only hoshi's locales, its default first and marked", async () => {
    const menu = await menuFor('editor@hoshi.local')
    expect(codes(menu)).toEqual(['ja', 'en', 'ko'])
    // Named in each admin language, the default marked in each.
    expect(menu[0]!.label).toMatchObject({
      en: 'Japanese (default)',
      ja: '日本語（既定）',
      ko: '일본어 (기본)',
      ar: 'اليابانية (الافتراضية)',
    })
    expect(menu[1]!.label).toMatchObject({ en: 'English', ja: '英語', 'zh-TW': '英文' })
    // A tenant cookie naming another MPP widens nothing.
    expect(codes(await menuFor('editor@hoshi.local', 'lumopay'))).toEqual(['ja', 'en', 'ko'])
  })

  test("offers a super-admin the picked MPP's locales, and every shipped locale when none is picked", async () => {
    expect(codes(await menuFor('admin@center.local', 'chaba'))).toEqual(['th', 'en'])
    expect(codes(await menuFor('admin@center.local'))).toHaveLength(11)
    expect(codes(await menuFor(null))).toHaveLength(11)
  })
})
