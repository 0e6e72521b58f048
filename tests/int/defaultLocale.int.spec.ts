import { join } from 'node:path'
import { getLocalI18n, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { rootDir } from '../helpers/center'
import { releaseTestDatabase, useTestDatabase } from '../helpers/database'

const database = useTestDatabase('default-locale')

let payload: Payload
let tenant: number
let category: number
let toLexical: (markdown: string) => never

/** What a refused save answers: Payload's ValidationError, with one message per field. */
const refusedOn = (path: string) => ({
  name: 'ValidationError',
  data: { errors: [{ path, message: expect.stringMatching(/default locale is ja \(Japanese\).* in ja /) }] },
})

beforeAll(async () => {
  const { openCms } = await import('../../scripts/lib/cms')
  payload = await openCms()
  toLexical = (await (await import('../../cms/lib/richText')).richTextConverter(payload)).toLexical as never
  // An MPP like hoshi: English is enabled, Japanese is the default.
  tenant = (
    await payload.create({
      collection: 'tenants',
      locale: 'ja',
      data: {
        name: 'Kumo Pay',
        slug: 'kumo',
        enabledLocales: ['en', 'ja'],
        defaultLocale: 'ja',
        features: ['qas'],
        brand: { primaryColor: '#8a1c3b', accentColor: '#5b3c88' },
        mppApiBaseUrl: 'https://mpp.example/kumo',
        supportEmail: 'help@kumo.example',
      },
    })
  ).id as number
  category = (
    await payload.create({ collection: 'qa-categories', locale: 'ja', data: { tenant, slug: 'refunds', order: 1, name: '返金' } })
  ).id as number
}, 120_000)

afterAll(() => releaseTestDatabase(database, payload))

const qaData = (slug: string, status: 'draft' | 'published') => ({
  tenant,
  category,
  slug,
  order: 1,
  _status: status,
  question: 'When is my refund back?',
  answer: toLexical('Within **5** days.'),
})

describe("publishing needs the MPP's default-locale text", () => {
  test('publishing a Q&A written only in en for an MPP whose default locale is ja is refused on the field, naming ja, and publishes nothing', async () => {
    await expect(payload.create({ collection: 'qas', locale: 'en', data: qaData('en-only', 'published') })).rejects.toMatchObject(
      refusedOn('question'),
    )
    expect((await payload.count({ collection: 'qas', where: { slug: { equals: 'en-only' } } })).totalDocs).toBe(0)
  })

  test('a draft may lack the default locale, and publishes once its ja text is written', async () => {
    const draft = await payload.create({ collection: 'qas', locale: 'en', draft: true, data: qaData('draft-first', 'draft') })
    expect(draft._status).toBe('draft')
    await expect(payload.update({ collection: 'qas', id: draft.id, locale: 'en', data: { _status: 'published' } })).rejects.toMatchObject(
      refusedOn('question'),
    )
    expect((await payload.findByID({ collection: 'qas', id: draft.id, depth: 0 }))._status).toBe('draft')

    await payload.update({
      collection: 'qas',
      id: draft.id,
      locale: 'ja',
      draft: true,
      data: { question: '返金はいつ戻りますか？', answer: toLexical('**5**日以内です。') },
    })
    const published = await payload.update({ collection: 'qas', id: draft.id, locale: 'en', data: { _status: 'published' } })
    expect(published._status).toBe('published')
    expect((await payload.findByID({ collection: 'qas', id: draft.id, locale: 'ja', depth: 0 })).question).toBe('返金はいつ戻りますか？')
  })

  test('a category, which has no drafts, is refused without its ja name', async () => {
    await expect(
      payload.create({ collection: 'qa-categories', locale: 'en', data: { tenant, slug: 'cards', order: 2, name: 'Cards' } }),
    ).rejects.toMatchObject(refusedOn('name'))
    await expect(payload.update({ collection: 'qa-categories', id: category, locale: 'ja', data: { name: '' } })).rejects.toMatchObject({
      name: 'ValidationError',
    })
    expect((await payload.findByID({ collection: 'qa-categories', id: category, locale: 'ja', depth: 0 })).name).toBe('返金')
  })

  test("a guide title, a campaign title and an image's alt text are each refused without ja", async () => {
    const guide = {
      tenant,
      slug: 'pay-online',
      product: 'online' as const,
      order: 1,
      _status: 'published' as const,
      title: 'オンラインで支払う',
      steps: [{ body: toLexical('Tap **Pay**.') }],
    }
    await expect(payload.create({ collection: 'guides', locale: 'en', data: { ...guide, slug: 'pay-online-en' } })).rejects.toMatchObject(
      refusedOn('title'),
    )

    const campaign = {
      tenant,
      slug: 'welcome',
      _status: 'published' as const,
      title: 'Welcome voucher',
      tutorial: { videoUrl: 'https://videos.example/welcome.mp4' },
      voucher: { merchant: 'Sakura Drug', currency: 'JPY', value: 500, validityDays: 30 },
      budget: 10,
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2026-02-01T00:00:00.000Z',
    }
    await expect(payload.create({ collection: 'campaigns', locale: 'en', data: campaign })).rejects.toMatchObject(refusedOn('title'))

    const file = join(rootDir, 'content', 'media', 'hoshi-logo.svg')
    await expect(
      payload.create({ collection: 'media', locale: 'en', data: { tenant, alt: 'Kumo logo' }, filePath: file }),
    ).rejects.toMatchObject(refusedOn('alt'))
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(0)
    expect(
      (await payload.create({ collection: 'media', locale: 'ja', data: { tenant, alt: 'クモのロゴ' }, filePath: file })).filename,
    ).toMatch(/\.svg$/)
  })

  test('a step added in en to a published guide is refused on that step, naming its path', async () => {
    const published = await payload.create({
      collection: 'guides',
      locale: 'ja',
      data: {
        tenant,
        slug: 'in-store',
        product: 'in-store',
        order: 2,
        _status: 'published',
        title: '店舗で支払う',
        steps: [{ body: toLexical('コードを見せます。') }],
      },
    })
    const steps = [{ id: published.steps[0]!.id, body: toLexical('Show the code.') }, { body: toLexical('Wait for the beep.') }]
    await expect(payload.update({ collection: 'guides', id: published.id, locale: 'en', data: { steps } })).rejects.toMatchObject(
      refusedOn('steps.1.body'),
    )
    expect((await payload.findByID({ collection: 'guides', id: published.id, depth: 0 })).steps).toHaveLength(1)
  })
})

describe("the refusal in the editor's admin language", () => {
  test("names the field, the MPP's default locale and its language in Arabic and Japanese", async () => {
    const refusal = async (language: 'ar' | 'ja') => {
      const i18n = await getLocalI18n({ config: payload.config, language })
      return payload
        .create({ collection: 'qas', locale: 'en', data: qaData(`en-only-${language}`, 'published'), req: { i18n } })
        .catch((error: Error & { data?: { errors?: object[] } }) => error)
    }
    const arabic = (await refusal('ar')) as Error & { data?: { errors?: object[] } }
    expect(arabic.data?.errors).toEqual([
      {
        path: 'question',
        label: 'السؤال',
        message: 'اللغة الافتراضية لـ Kumo Pay هي ja (اليابانية): اكتب هذا الحقل بـ ja قبل النشر.',
      },
    ])
    expect(arabic.message).toContain('السؤال')
    const japanese = (await refusal('ja')) as Error & { data?: { errors?: object[] } }
    expect(japanese.data?.errors).toEqual([
      {
        path: 'question',
        label: '質問',
        message: 'Kumo Pay の既定の言語は ja（日本語）です。公開する前に、このフィールドを ja で入力してください。',
      },
    ])
  })
})
