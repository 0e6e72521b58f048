import { mkdirSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { adminTranslations } from '../../cms/i18n/translations'
import { launchBrowser, signIn } from '../helpers/browser'
import { rootDir } from '../helpers/center'

const cmsUrl = inject('cmsUrl')
const api = (path: string) => `${cmsUrl}/api${path}`
const screenshots = join(rootDir, 'tests', 'e2e', 'screenshots')

type Doc = { id: number | string; slug: string; _status?: string; tenant?: { slug?: string } | number | string; question?: string }

async function login(email: string, password: string): Promise<string> {
  const response = await fetch(api('/users/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

async function get<T>(path: string, token?: string): Promise<{ status: number; body: T }> {
  const response = await fetch(api(path), { headers: token ? { authorization: `JWT ${token}` } : {} })
  return { status: response.status, body: (await response.json()) as T }
}

/**
 * Posts a form on a connection of its own: the server answers an oversized upload before reading
 * it all and closes the socket, which fetch's shared pool would otherwise reuse for the next test.
 */
async function postFormAlone(url: string, form: FormData, token: string): Promise<{ status: number; body: string }> {
  const encoded = new Request(url, { method: 'POST', body: form })
  const body = Buffer.from(await encoded.arrayBuffer())
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { authorization: `JWT ${token}`, 'content-type': encoded.headers.get('content-type')!, 'content-length': body.length },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const tenantOf = (doc: Doc) => (typeof doc.tenant === 'object' ? doc.tenant?.slug : undefined)

describe('the CMS API', () => {
  test('anonymous REST readers get published guides only', async () => {
    const { body } = await get<{ docs: Doc[] }>('/guides?limit=0&draft=true')
    expect(body.docs.length).toBeGreaterThan(0)
    expect(body.docs.every((doc) => doc._status === 'published')).toBe(true)
  })

  test("an editor of one MPP lists only that MPP's Q&As over REST and GraphQL, and cannot open another MPP's", async () => {
    const token = await login('editor@hoshi.local', 'center-editor')
    const { body } = await get<{ docs: Doc[] }>('/qas?limit=0&depth=1&draft=true', token)
    expect(body.docs.length).toBeGreaterThan(40)
    expect(new Set(body.docs.map(tenantOf))).toEqual(new Set(['hoshi']))

    const anonymous = await get<{ docs: Doc[] }>('/qas?limit=1&depth=1&where[tenant.slug][equals]=lumopay')
    const foreign = anonymous.body.docs[0]!
    expect((await get(`/qas/${foreign.id}`, token)).status).toBe(404)

    const graphql = await fetch(api('/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ query: '{ Qas(limit: 0, draft: true) { docs { slug tenant { slug } } } }' }),
    })
    const result = (await graphql.json()) as { data: { Qas: { docs: { tenant: { slug: string } }[] } } }
    expect(new Set(result.data.Qas.docs.map((doc) => doc.tenant.slug))).toEqual(new Set(['hoshi']))
  })

  test('a webhook secret is shown once over REST and never comes back', async () => {
    const token = await login('admin@center.local', 'center-admin')
    const { body: tenants } = await get<{ docs: Doc[] }>('/tenants?where[slug][equals]=nakhla', token)
    const nakhla = tenants.docs[0]!
    const created = await fetch(api(`/tenants/${nakhla.id}/webhook-secrets`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ label: 'Staging' }),
    })
    expect(created.status).toBe(201)
    const { secret } = (await created.json()) as { secret: string }
    expect(secret).toMatch(/^whsec_/)
    for (const path of [`/tenants/${nakhla.id}`, '/tenants?limit=0', `/tenants/${nakhla.id}?depth=2`]) {
      const response = await fetch(api(path), { headers: { authorization: `JWT ${token}` } })
      expect(await response.text()).not.toContain(secret.slice(6))
    }
    const editorToken = await login('editor@nakhla.local', 'center-editor')
    const refused = await fetch(api(`/tenants/${nakhla.id}/webhook-secrets`), {
      method: 'POST',
      headers: { authorization: `JWT ${editorToken}` },
    })
    expect(refused.status).toBe(403)
  })

  test('an image over the 5 MB upload limit is refused and nothing is stored', async () => {
    const token = await login('editor@lumopay.local', 'center-editor')
    const count = async () => (await get<{ totalDocs: number }>('/media?limit=0', token)).body.totalDocs
    const before = await count()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(6_000_000)], { type: 'image/png' }), 'huge.png')
    form.append('_payload', JSON.stringify({ alt: 'Too big' }))
    const response = await postFormAlone(api('/media'), form, token)
    expect(response.status).toBe(413)
    expect(await count()).toBe(before)
    expect((await get<{ totalDocs: number }>('/media?limit=0&where[filename][equals]=huge.png', token)).body.totalDocs).toBe(0)
  })
})

describe('the admin', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  test('a publisher edits a Q&A in two locales, publishes it, and it changes in that MPP only', async () => {
    // A Q&A no other browser test reads by its wording: the files share one stack, in no fixed order.
    const find = async (tenant: string) =>
      (await get<{ docs: Doc[] }>(`/qas?depth=1&where[slug][equals]=partial-refund&where[tenant.slug][equals]=${tenant}&locale=all`)).body
        .docs[0]!
    const lumopay = await find('lumopay')
    const hoshiBefore = JSON.stringify(await find('hoshi'))

    const page = await browser.newPage()
    await signIn(page, cmsUrl, 'publisher@lumopay.local', 'center-publisher')

    for (const [locale, question] of [
      ['en', 'Why was less money refunded than I paid?'],
      ['zh-Hant', '點解退返嘅錢少過我俾嘅？'],
    ] as const) {
      await page.goto(`${cmsUrl}/admin/collections/qas/${lumopay.id}?locale=${locale}`)
      const field = page.locator('input[name="question"]')
      await field.fill(question)
      await page.getByRole('button', { name: 'Publish changes' }).click()
      await expect.poll(() => page.getByText('Updated successfully').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    }
    await page.close()

    const after = (await find('lumopay')) as unknown as { question: Record<string, string>; _status: string }
    expect(after._status).toBe('published')
    expect(after.question.en).toBe('Why was less money refunded than I paid?')
    expect(after.question['zh-Hant']).toBe('點解退返嘅錢少過我俾嘅？')
    expect(JSON.stringify(await find('hoshi'))).toBe(hoshiBefore)
  })

  test('a super-admin creates a webhook secret in the admin and sees it once', async () => {
    const { body: tenants } = await get<{ docs: Doc[] }>('/tenants?where[slug][equals]=lumopay')
    const page = await browser.newPage()
    await signIn(page, cmsUrl, 'admin@center.local', 'center-admin')
    await page.goto(`${cmsUrl}/admin/collections/tenants/${tenants.docs[0]!.id}`)
    await page.getByLabel('Label for the new secret').fill('Admin-made')
    await page.getByRole('button', { name: 'Create webhook secret' }).click()
    const secret = (await page.locator('pre.webhook-secret').textContent({ timeout: 15_000 }))!
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    await page.reload()
    await expect.poll(() => page.getByText('Webhook Secrets').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    expect(await page.content()).not.toContain(secret.slice(6))

    // A super-admin who uses the admin in Arabic gets the same form and the one-time message in Arabic.
    await page.context().addCookies([{ name: 'payload-lng', value: 'ar', url: cmsUrl }])
    await page.reload()
    const ar = adminTranslations.ar.webhookSecret
    const form = page.locator('.create-webhook-secret')
    await expect.poll(() => form.locator('.field-label').textContent(), { timeout: 15_000 }).toBe(ar.title)
    expect(await form.getByLabel(ar.label).getAttribute('placeholder')).toBe(ar.placeholder)
    await form.getByLabel(ar.label).fill('Admin-made in Arabic')
    await form.getByRole('button', { name: ar.create }).click()
    const shown = form.getByRole('status')
    await expect.poll(() => shown.locator('pre.webhook-secret').textContent(), { timeout: 15_000 }).toMatch(/^whsec_/)
    const [before] = ar.shownOnce.split('{{label}}')
    expect(await shown.locator('p').textContent()).toContain(before!.trim())
    expect(await shown.locator('p strong').textContent()).toBe('Admin-made in Arabic')
    expect(await shown.locator('p code').textContent()).toMatch(/^whsec_/)
    await page.close()
  })

  test("an editor's dashboard links to their MPP's drafts and translations, the panel follows typing, and a publisher gets the review request", async () => {
    const token = await login('editor@lumopay.local', 'center-editor')
    const { body } = await get<{ docs: Doc[] }>(
      // A Q&A no other test touches: opening it in the admin locks it (423) for everyone else for a while.
      '/qas?limit=1&depth=0&where[slug][equals]=amount-differs-from-receipt&where[tenant.slug][equals]=lumopay',
      token,
    )
    const qa = body.docs[0]!
    // A new English wording (the default locale) in a draft: both Chinese translations now lag behind.
    const wording = `Which cards can I top up from? (${Date.now().toString(36)})`
    const saved = await fetch(api(`/qas/${qa.id}?draft=true&locale=en`), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ question: wording }),
    })
    expect(saved.status).toBe(200)

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await signIn(page, cmsUrl, 'editor@lumopay.local', 'center-editor')
    const lumopay = page.locator('section.mpp-tenant[data-tenant="lumopay"]')
    await expect.poll(() => lumopay.getByRole('heading', { level: 2 }).textContent()).toContain('LumoPay')
    expect(await page.locator('section.mpp-tenant').count()).toBe(1)
    const drafts = lumopay.locator('.mpp-panel', { has: page.getByRole('heading', { name: /Drafts not yet published/ }) })
    expect(await drafts.getByRole('link', { name: wording }).getAttribute('href')).toBe(`/admin/collections/qas/${qa.id}`)
    const translations = lumopay.locator('.mpp-panel', { has: page.getByRole('heading', { name: /Translations to do/ }) })
    const toChinese = translations.locator('li', { hasText: wording }).getByRole('link', { name: 'zh-Hant outdated' })
    expect(await toChinese.getAttribute('href')).toBe(`/admin/collections/qas/${qa.id}?locale=zh-Hant`)
    mkdirSync(screenshots, { recursive: true })
    await page.screenshot({ path: join(screenshots, 'dashboard-editor-1440.png'), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: join(screenshots, 'dashboard-editor-390.png'), fullPage: true })
    await page.setViewportSize({ width: 1440, height: 900 })

    await toChinese.click()
    await page.waitForURL(/locale=zh-Hant/)
    const panel = page.locator('.translation-status')
    const chinese = panel.locator('li', { hasText: 'zh-Hant' })
    await expect.poll(() => chinese.textContent(), { timeout: 20_000 }).toContain('zh-Hant: older than the default locale')
    expect(await panel.getByRole('link', { name: /zh-Hans/ }).getAttribute('href')).toBe(`/admin/collections/qas/${qa.id}?locale=zh-Hans`)
    await page.locator('input[name="question"]').fill('我可以從哪些卡增值？')
    await expect.poll(() => chinese.textContent()).toContain('zh-Hant: up to date (unsaved change)')
    await page.getByRole('button', { name: 'Save Draft' }).click()
    await expect.poll(() => page.getByText('Draft saved successfully').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await page.getByRole('button', { name: 'Request review' }).click()
    await expect
      .poll(() => page.locator('.request-review [role="status"]').textContent())
      .toContain('Review requested by editor@lumopay.local')
    await page.screenshot({ path: join(screenshots, 'qa-editor-1440.png') })

    // The preview shows the saved draft as its page in a phone-wide frame, in LumoPay's brand colour.
    await page.goto(`${cmsUrl}/preview/qas/${qa.id}?locale=zh-Hant`)
    const phone = page.frameLocator('iframe.phone')
    await expect.poll(() => phone.locator('h1').textContent()).toBe('我可以從哪些卡增值？')
    expect(await page.locator('iframe.phone').evaluate((frame) => frame.getBoundingClientRect().width)).toBe(410)
    expect(await phone.locator('.appbar').evaluate((bar) => getComputedStyle(bar).backgroundColor)).toBe('rgb(11, 92, 173)')
    await page.screenshot({ path: join(screenshots, 'preview-1440.png') })
    await page.close()

    const publisher = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await signIn(publisher, cmsUrl, 'publisher@lumopay.local', 'center-publisher')
    const queue = publisher.locator('section.mpp-tenant[data-tenant="lumopay"] .mpp-panel', {
      has: publisher.getByRole('heading', { name: /Waiting for your review/ }),
    })
    const request = queue.locator('li', { hasText: 'asked by editor@lumopay.local' })
    await expect.poll(() => request.getByRole('link').getAttribute('href')).toBe(`/admin/collections/qas/${qa.id}`)
    expect(await request.getByRole('link').textContent()).toBe(wording)
    await publisher.screenshot({ path: join(screenshots, 'dashboard-publisher-1440.png'), fullPage: true })
    await publisher.close()
  })

  test("the sign-in page is the Center's, and a super-admin's dashboard has a section for every MPP", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(`${cmsUrl}/admin/login`)
    // The Center's mark and name, not Payload's, on the sign-in page, in the tab's title and as its icon.
    await expect.poll(() => page.getByRole('img', { name: 'Center' }).count()).toBe(1)
    expect(await page.locator('.graphic-logo').count()).toBe(0)
    expect(await page.title()).toMatch(/ · Center$/)
    expect(await page.locator('link[rel="icon"]').first().getAttribute('href')).toMatch(/^data:image\/svg\+xml,/)
    await signIn(page, cmsUrl, 'admin@center.local', 'center-admin')
    expect(await page.locator('.step-nav__home').getByRole('img', { name: 'Center' }).count()).toBe(1)
    const sections = page.locator('section.mpp-tenant')
    await expect.poll(() => sections.count()).toBe(4)
    expect(await sections.evaluateAll((all) => all.map((section) => section.getAttribute('data-tenant')))).toEqual([
      'chaba',
      'hoshi',
      'lumopay',
      'nakhla',
    ])
    expect(await sections.first().getByRole('heading', { level: 2 }).textContent()).toContain('super-admin')
    await page.screenshot({ path: join(screenshots, 'dashboard-super-admin-1440.png'), fullPage: true })
    await page.close()
  })

  test("a draft previews for its own MPP's editors only", async () => {
    const token = await login('editor@nakhla.local', 'center-editor')
    const { body } = await get<{ docs: Doc[] }>('/qas?limit=1&where[slug][equals]=refund-how-long', token)
    const qa = body.docs[0]!
    const draft = await fetch(api(`/qas/${qa.id}?draft=true&locale=en`), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ question: 'How long does a refund take? (draft wording)' }),
    })
    expect(draft.status).toBe(200)

    const preview = (auth?: string) =>
      fetch(`${cmsUrl}/preview/qas/${qa.id}?locale=en`, { headers: auth ? { authorization: `JWT ${auth}` } : {} })
    const own = await preview(token)
    expect(own.status).toBe(200)
    expect(await own.text()).toContain('How long does a refund take? (draft wording)')
    expect((await preview(await login('editor@hoshi.local', 'center-editor'))).status).toBe(404)
    expect((await preview()).status).toBe(401)
    const live = await get<{ docs: { question: string }[] }>(
      `/qas?where[slug][equals]=refund-how-long&where[tenant.slug][equals]=nakhla&locale=en`,
    )
    expect(live.body.docs[0]!.question).not.toContain('draft wording')
  })
})
