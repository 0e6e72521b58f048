import { Webhook } from 'standardwebhooks'
import { describe, expect, inject, test } from 'vitest'

const cmsUrl = inject('cmsUrl')
const siteUrl = inject('siteUrl')
const api = (path: string) => `${cmsUrl}/api${path}`

async function login(email: string, password: string): Promise<string> {
  const response = await fetch(api('/users/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  expect(response.status).toBe(200)
  return ((await response.json()) as { token: string }).token
}

type Build = { buildId: string; trigger: string; state: string; live: boolean; tenant: { slug: string } }

describe('publishing to the live site', () => {
  test('a publisher publishes a Q&A over REST and the served page shows it, with nothing restarted', async () => {
    const token = await login('publisher@lumopay.local', 'center-publisher')
    const found = await fetch(api('/qas?where[slug][equals]=payment-failed&where[tenant.slug][equals]=lumopay&depth=0'), {
      headers: { authorization: `JWT ${token}` },
    })
    const qa = ((await found.json()) as { docs: { id: number | string }[] }).docs[0]!
    const question = 'Why was my card declined abroad today?'
    const published = await fetch(api(`/qas/${qa.id}?locale=en`), {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
      body: JSON.stringify({ question, _status: 'published' }),
    })
    expect(published.status).toBe(200)
    await expect
      .poll(async () => (await fetch(`${siteUrl}/lumopay/en/qas/`)).text(), { timeout: 120_000, interval: 500 })
      .toContain(question)

    const builds = await fetch(api('/builds?where[tenant.slug][equals]=lumopay&depth=1&sort=-createdAt'), {
      headers: { authorization: `JWT ${token}` },
    })
    expect(builds.status).toBe(200)
    const { docs } = (await builds.json()) as { docs: Build[] }
    expect(docs[0]).toMatchObject({ trigger: 'publish', state: 'live', live: true, tenant: { slug: 'lumopay' } })
    expect((await fetch(api('/builds'))).status).toBe(403)
  })

  test("a Q&A published in the default locale only shows on the other locales' pages in that language, with a notice saying so", async () => {
    const token = await login('publisher@hoshi.local', 'center-publisher')
    const auth = { authorization: `JWT ${token}` }
    const categories = await fetch(api('/qa-categories?where[slug][equals]=paying&where[tenant.slug][equals]=hoshi&depth=0'), {
      headers: auth,
    })
    const category = ((await categories.json()) as { docs: { id: number | string; tenant: number | string }[] }).docs[0]!
    const question = '海外のお店でレシートをもらえなかったときは？'
    const paragraph = (text: string) => ({
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text, version: 1 }] }],
      },
    })
    const created = await fetch(api('/qas?locale=ja'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({
        tenant: category.tenant,
        category: category.id,
        slug: 'no-receipt-abroad',
        question,
        answer: paragraph('アプリの取引履歴から電子レシートを表示できます。'),
        _status: 'published',
      }),
    })
    expect(created.status).toBe(201)
    await expect
      .poll(async () => (await fetch(`${siteUrl}/hoshi/en/qas/paying/`)).text(), { timeout: 120_000, interval: 500 })
      .toContain(question)
    const page = await (await fetch(`${siteUrl}/hoshi/en/qas/paying/`)).text()
    expect(page).toMatch(/class="notice"[^>]*>[^<]*Japanese/)
    const korean = await (await fetch(`${siteUrl}/hoshi/ko/qas/paying/`)).text()
    expect(korean).toContain(question)
  })

  test("an MPP's signed webhook is accepted once with a build id over HTTP; its replay and an oversized body are refused", async () => {
    const admin = await login('admin@center.local', 'center-admin')
    const tenants = await fetch(api('/tenants?where[slug][equals]=hoshi'), { headers: { authorization: `JWT ${admin}` } })
    const hoshi = ((await tenants.json()) as { docs: { id: number | string }[] }).docs[0]!
    const created = await fetch(api(`/tenants/${hoshi.id}/webhook-secrets`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${admin}` },
      body: '{}',
    })
    const { secret } = (await created.json()) as { secret: string }

    const body = JSON.stringify({ tenant: 'hoshi' })
    const at = new Date()
    const headers = {
      'content-type': 'application/json',
      'webhook-id': 'msg_e2e_1',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('msg_e2e_1', at, body),
    }
    const send = (payload: string) => fetch(api('/webhooks/rebuild'), { method: 'POST', headers, body: payload })
    const accepted = await send(body)
    expect(accepted.status).toBe(202)
    expect(await accepted.json()).toMatchObject({ tenant: 'hoshi', buildId: expect.any(String) })
    const replay = await send(body)
    expect(replay.status).toBe(401)
    expect(await replay.json()).toMatchObject({ code: 'replayed' })
    const oversized = await send(JSON.stringify({ tenant: 'hoshi', pad: 'x'.repeat(70_000) }))
    expect(oversized.status).toBe(413)
  })
})
