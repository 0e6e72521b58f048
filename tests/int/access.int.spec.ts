import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { User } from '../../cms/payload-types'
import { openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'

const database = useTestDatabase('access')

let payload: Payload
let toLexical: (markdown: string) => never
const tenantId: Record<string, number | string> = {}
const users: Record<string, User & { collection: 'users' }> = {}

beforeAll(async () => {
  payload = await openSeededCms({ demoUsers: true })
  toLexical = (await (await import('../../cms/lib/richText')).richTextConverter(payload)).toLexical as never
  for (const tenant of (await payload.find({ collection: 'tenants', limit: 0 })).docs) tenantId[tenant.slug] = tenant.id
  for (const user of (await payload.find({ collection: 'users', limit: 0, depth: 0 })).docs)
    users[user.email] = { ...user, collection: 'users' }
})

afterAll(async () => {
  await releaseTestDatabase(database, payload)
})

const as = (email: string) => ({ overrideAccess: false, user: users[email]! })
const guideData = (tenant: string, slug: string, status: 'draft' | 'published') => ({
  tenant: tenantId[tenant] as number,
  slug,
  product: 'online' as const,
  order: 50,
  title: `Guide ${slug}`,
  steps: [{ body: toLexical('Do this.') }],
  _status: status,
})

describe('tenant scoping', () => {
  test("an editor of one MPP cannot list or read another MPP's guides, drafts included", async () => {
    const draft = await payload.create({ collection: 'guides', draft: true, data: guideData('hoshi', 'hoshi-draft', 'draft') })
    const { docs } = await payload.find({ collection: 'guides', draft: true, limit: 0, ...as('editor@lumopay.local') })
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((g) => g.tenant === tenantId.lumopay || (typeof g.tenant === 'object' && g.tenant?.id === tenantId.lumopay))).toBe(
      true,
    )
    await expect(
      payload.findByID({ collection: 'guides', id: draft.id, draft: true, ...as('editor@lumopay.local') }),
    ).rejects.toMatchObject({ status: 404 })
  })

  test('an editor cannot create, update or delete in another MPP, nor move a document there', async () => {
    await expect(
      payload.create({ collection: 'guides', draft: true, data: guideData('hoshi', 'intruder', 'draft'), ...as('editor@lumopay.local') }),
    ).rejects.toMatchObject({ status: 403 })
    const hoshiGuide = (await payload.find({ collection: 'guides', where: { tenant: { equals: tenantId.hoshi } }, limit: 1 })).docs[0]!
    await expect(
      payload.update({ collection: 'guides', id: hoshiGuide.id, data: { order: 99 }, ...as('editor@lumopay.local') }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ collection: 'guides', id: hoshiGuide.id, ...as('publisher@lumopay.local') })).rejects.toMatchObject({
      status: 403,
    })

    const own = await payload.create({
      collection: 'guides',
      draft: true,
      data: guideData('lumopay', 'mine', 'draft'),
      ...as('editor@lumopay.local'),
    })
    await expect(
      payload.update({
        collection: 'guides',
        id: own.id,
        draft: true,
        data: { tenant: tenantId.hoshi as number },
        ...as('editor@lumopay.local'),
      }),
    ).rejects.toMatchObject({ status: 403 })
    const after = await payload.findByID({ collection: 'guides', id: own.id, draft: true, depth: 0 })
    expect(after.tenant).toBe(tenantId.lumopay)
  })

  test("an editor of one MPP cannot list, read or delete another MPP's media", async () => {
    const sharp = (await import('sharp')).default
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#1d5c3a' } })
      .png()
      .toBuffer()
    const image = await payload.create({
      collection: 'media',
      locale: 'ar',
      data: { tenant: tenantId.nakhla as number, alt: 'شعار نخلة' },
      file: { data: png, mimetype: 'image/png', name: 'nakhla-logo.png', size: png.length },
    })
    const { docs } = await payload.find({ collection: 'media', limit: 0, ...as('editor@lumopay.local') })
    expect(docs.map((d) => d.id)).not.toContain(image.id)
    await expect(payload.findByID({ collection: 'media', id: image.id, ...as('editor@lumopay.local') })).rejects.toMatchObject({
      status: 404,
    })
    await expect(payload.delete({ collection: 'media', id: image.id, ...as('publisher@lumopay.local') })).rejects.toMatchObject({
      status: 403,
    })
    const own = await payload.find({ collection: 'media', limit: 0, ...as('editor@nakhla.local') })
    expect(own.docs.map((d) => d.id)).toContain(image.id)
  })

  test('slugs are unique within an MPP, not across MPPs, and a clash names the slug', async () => {
    await payload.create({ collection: 'guides', draft: true, data: guideData('hoshi', 'shared-slug', 'draft') })
    await payload.create({ collection: 'guides', draft: true, data: guideData('lumopay', 'shared-slug', 'draft') })
    await expect(
      payload.create({ collection: 'guides', draft: true, data: guideData('lumopay', 'shared-slug', 'draft') }),
    ).rejects.toMatchObject({
      data: { errors: [{ path: 'slug', message: 'This MPP already has a document with the slug "shared-slug".' }] },
    })
  })
})

describe('accounts', () => {
  test('an editor cannot make themselves a publisher, a super-admin or a member of another MPP, by any field of their own account', async () => {
    const editor = users['editor@lumopay.local']!
    const grab = {
      role: 'super-admin' as const,
      tenants: [
        { tenant: tenantId.lumopay as number, role: 'publisher' as const },
        { tenant: tenantId.nakhla as number, role: 'publisher' as const },
      ],
    }
    // Payload drops the fields a user may not write and saves the rest: the answer is the account unchanged.
    const saved = await payload.update({ collection: 'users', id: editor.id, data: grab, depth: 0, ...as('editor@lumopay.local') })
    const stored = await payload.findByID({ collection: 'users', id: editor.id, depth: 0 })
    for (const account of [saved, stored]) {
      expect(account.role).toBe('editor')
      expect(account.tenants?.map((row) => [row.tenant, row.role])).toEqual([[tenantId.lumopay, 'editor']])
    }
    // Nor another user's account, in their MPP or out of it.
    for (const other of ['publisher@lumopay.local', 'editor@nakhla.local']) {
      await expect(
        payload.update({ collection: 'users', id: users[other]!.id, data: { role: 'super-admin' }, ...as('editor@lumopay.local') }),
      ).rejects.toThrow(/not allowed to perform this action/)
      expect((await payload.findByID({ collection: 'users', id: users[other]!.id, depth: 0 })).role).not.toBe('super-admin')
    }
  })
})

describe('publishing', () => {
  test('an editor saves a draft but cannot publish; a publisher of the same MPP can', async () => {
    const draft = await payload.create({
      collection: 'qas',
      draft: true,
      ...as('editor@lumopay.local'),
      data: {
        tenant: tenantId.lumopay as number,
        slug: 'new-question',
        order: 9,
        question: 'Can I pay with two wallets?',
        answer: toLexical('No, one payment uses one wallet.'),
        category: (await payload.find({ collection: 'qa-categories', where: { tenant: { equals: tenantId.lumopay } }, limit: 1 })).docs[0]!
          .id,
        _status: 'draft',
      },
    })
    await expect(
      payload.update({ collection: 'qas', id: draft.id, data: { _status: 'published' }, ...as('editor@lumopay.local') }),
    ).rejects.toMatchObject({ status: 403 })
    const published = await payload.update({
      collection: 'qas',
      id: draft.id,
      data: { _status: 'published' },
      ...as('publisher@lumopay.local'),
    })
    expect(published._status).toBe('published')
    await expect(
      payload.update({ collection: 'qas', id: draft.id, data: { _status: 'published' }, ...as('publisher@hoshi.local') }),
    ).rejects.toMatchObject({ status: 403 })
  })

  test('anonymous readers see published content only', async () => {
    const draft = await payload.create({ collection: 'guides', draft: true, data: guideData('lumopay', 'unpublished', 'draft') })
    const { docs } = await payload.find({ collection: 'guides', limit: 0, overrideAccess: false, user: null })
    expect(docs.map((g) => g.slug)).not.toContain('unpublished')
    await expect(payload.findByID({ collection: 'guides', id: draft.id, overrideAccess: false, user: null })).rejects.toMatchObject({
      status: 404,
    })
  })
})

describe('MPP settings', () => {
  test('a brand colour that fails WCAG AA against white text is refused, naming the pair and the ratio', async () => {
    const error = await payload
      .update({ collection: 'tenants', id: tenantId.lumopay!, data: { brand: { primaryColor: '#7fb3ff', accentColor: '#0f7b6c' } } })
      .catch((e: Error & { data?: { errors?: { path: string; message: string }[] } }) => e)
    expect(error).toBeInstanceOf(Error)
    const messages = (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors ?? []
    expect(messages).toContainEqual(
      expect.objectContaining({
        path: 'brand.primaryColor',
        message: expect.stringMatching(/#7fb3ff with white text \(#ffffff\) has a contrast of 2\.\d\d:1; WCAG AA needs at least 4\.5:1/),
      }),
    )
    expect((await payload.findByID({ collection: 'tenants', id: tenantId.lumopay! })).brand.primaryColor).toBe('#0b5cad')
  })

  test('a webhook secret is shown once and never comes back from the API', async () => {
    const { createWebhookSecret } = await import('../../cms/collections/Tenants/endpoints/createWebhookSecret')
    const admin = users['admin@center.local']!
    const response = await createWebhookSecret.handler({
      payload,
      user: admin,
      routeParams: { id: String(tenantId.hoshi) },
      json: async () => ({ label: 'Production' }),
    } as never)
    expect(response.status).toBe(201)
    const created = (await response.json()) as { secret: string; hint: string }
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)

    const asAdmin = await payload.findByID({ collection: 'tenants', id: tenantId.hoshi!, overrideAccess: false, user: admin })
    expect(JSON.stringify(asAdmin)).not.toContain(created.secret.slice(6))
    expect(asAdmin.webhookSecrets?.[0]).toMatchObject({ label: 'Production', hint: created.hint })
    expect(asAdmin.webhookSecrets?.[0]).not.toHaveProperty('secret')
    for (const user of [users['editor@hoshi.local']!, null]) {
      const tenant = await payload.findByID({ collection: 'tenants', id: tenantId.hoshi!, overrideAccess: false, user })
      expect(tenant.webhookSecrets ?? []).toEqual([])
    }
    const internal = await payload.findByID({ collection: 'tenants', id: tenantId.hoshi!, showHiddenFields: true })
    expect(payload.decrypt(internal.webhookSecrets![0]!.secret!)).toBe(created.secret)

    // Saving the MPP the way the admin form does (rows without the secret) keeps the secret.
    const seen = await payload.findByID({ collection: 'tenants', id: tenantId.hoshi!, overrideAccess: false, user: admin })
    await payload.update({
      collection: 'tenants',
      id: tenantId.hoshi!,
      overrideAccess: false,
      user: admin,
      data: { supportEmail: 'help@hoshi.example', webhookSecrets: seen.webhookSecrets },
    })
    const kept = await payload.findByID({ collection: 'tenants', id: tenantId.hoshi!, showHiddenFields: true })
    expect(payload.decrypt(kept.webhookSecrets![0]!.secret!)).toBe(created.secret)
  })

  test('only a super-admin creates webhook secrets', async () => {
    const { createWebhookSecret } = await import('../../cms/collections/Tenants/endpoints/createWebhookSecret')
    const response = await createWebhookSecret.handler({
      payload,
      user: users['publisher@hoshi.local'],
      routeParams: { id: String(tenantId.hoshi) },
      json: async () => ({}),
    } as never)
    expect(response.status).toBe(403)
  })
})

describe('editing', () => {
  test('a translation written before the default locale changed shows as outdated until it is updated', async () => {
    const { translationStatus } = await import('../../cms/lib/translationStatus')
    const qa = (
      await payload.find({
        collection: 'qas',
        where: { and: [{ tenant: { equals: tenantId.hoshi } }, { slug: { equals: 'refund-time' } }] },
      })
    ).docs[0]!
    const status = async () => {
      const doc = await payload.findByID({ collection: 'qas', id: qa.id, locale: 'all' })
      return translationStatus({
        locales: ['en', 'ja', 'ko'],
        defaultLocale: 'ja',
        translatedAt: doc.translatedAt as unknown as Record<string, string>,
      })
    }
    expect(await status()).toEqual([
      { locale: 'en', state: 'current' },
      { locale: 'ko', state: 'current' },
    ])
    await payload.update({ collection: 'qas', id: qa.id, locale: 'ja', data: { question: '返金はいつ口座に戻りますか？' } })
    expect(await status()).toEqual([
      { locale: 'en', state: 'outdated' },
      { locale: 'ko', state: 'outdated' },
    ])
    await payload.update({ collection: 'qas', id: qa.id, locale: 'en', data: { question: 'When does my refund come back?' } })
    expect(await status()).toEqual([
      { locale: 'en', state: 'current' },
      { locale: 'ko', state: 'outdated' },
    ])
  })

  test("a scheduled publish runs as the user who scheduled it: a publisher's goes live, an editor's does not", async () => {
    const draftOf = async (slug: string) => payload.create({ collection: 'guides', draft: true, data: guideData('lumopay', slug, 'draft') })
    const byPublisher = await draftOf('scheduled-by-publisher')
    const byEditor = await draftOf('scheduled-by-editor')
    const schedule = (id: number | string, email: string) =>
      payload.jobs.queue({
        task: 'schedulePublish',
        // Payload stores the document id as a string in the job input (payload #10481).
        input: {
          type: 'publish',
          doc: { relationTo: 'guides', value: String(id) as never },
          user: { relationTo: 'users', value: users[email]!.id },
        },
        waitUntil: new Date(Date.now() - 1000),
      })
    await schedule(byPublisher.id, 'publisher@lumopay.local')
    await schedule(byEditor.id, 'editor@lumopay.local')
    // One at a time: SQLite (through libsql) loses its busy timeout on transaction connections, so
    // parallel write transactions in one process collide (noted for the rebuild queue).
    await payload.jobs.run({ sequential: true })
    expect((await payload.findByID({ collection: 'guides', id: byPublisher.id }))._status).toBe('published')
    expect((await payload.findByID({ collection: 'guides', id: byEditor.id }))._status).toBe('draft')
  })

  test('bad input is refused field by field and nothing is saved', async () => {
    const before = (await payload.count({ collection: 'guides' })).totalDocs
    const noSteps = await payload
      .create({ collection: 'guides', data: { ...guideData('lumopay', 'no-steps', 'published'), steps: [] } })
      .catch((e) => e)
    expect(noSteps.data.errors).toEqual([{ label: 'Steps', message: 'This field requires at least 1 Rows.', path: 'steps' }])
    const badLocale = await payload
      .update({ collection: 'tenants', id: tenantId.lumopay!, data: { enabledLocales: ['en', 'xx' as 'en'] } })
      .catch((e) => e)
    expect(badLocale.data.errors).toEqual([
      { label: 'Enabled Locales', message: 'This field has an invalid selection.', path: 'enabledLocales' },
    ])
    expect((await payload.count({ collection: 'guides' })).totalDocs).toBe(before)
    expect((await payload.findByID({ collection: 'tenants', id: tenantId.lumopay! })).enabledLocales).toEqual(['en', 'zh-Hant', 'zh-Hans'])
  })

  test('rich text holding <script> or a javascript: link is stored as text and rendered inert', async () => {
    const { exportSnapshot } = await import('../../cms/publish/exportSnapshot')
    const { renderMarkdown } = await import('../../content/markdown')
    const category = (await payload.find({ collection: 'qa-categories', where: { tenant: { equals: tenantId.nakhla } }, limit: 1 }))
      .docs[0]!
    await payload.create({
      collection: 'qas',
      data: {
        tenant: tenantId.nakhla as number,
        category: category.id,
        slug: 'hostile',
        order: 99,
        _status: 'published',
        question: 'هل هذا آمن؟',
        answer: toLexical('<script>alert(1)</script> [win](javascript:alert(1))'),
      },
      locale: 'ar',
    })
    const qa = (await exportSnapshot(payload, 'nakhla')).qas.find((q) => q.slug === 'hostile')!
    const html = renderMarkdown(qa.answer.ar!)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<script|href="javascript:/)
  })
})
