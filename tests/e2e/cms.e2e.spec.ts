import { request } from 'node:http'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { launchBrowser, signIn } from '../helpers/browser'

const cmsUrl = inject('cmsUrl')
const api = (path: string) => `${cmsUrl}/api${path}`

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
    const find = async (tenant: string) =>
      (await get<{ docs: Doc[] }>(`/qas?depth=1&where[slug][equals]=refund-time&where[tenant.slug][equals]=${tenant}&locale=all`)).body
        .docs[0]!
    const lumopay = await find('lumopay')
    const hoshiBefore = JSON.stringify(await find('hoshi'))

    const page = await browser.newPage()
    await signIn(page, cmsUrl, 'publisher@lumopay.local', 'center-publisher')

    for (const [locale, question] of [
      ['en', 'How long does a refund take to arrive?'],
      ['zh-Hant', '退款要幾耐才到賬？'],
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
    expect(after.question.en).toBe('How long does a refund take to arrive?')
    expect(after.question['zh-Hant']).toBe('退款要幾耐才到賬？')
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
