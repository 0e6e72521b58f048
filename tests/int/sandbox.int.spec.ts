import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { createMppClient, MppError } from '../../mpp/contract/client'
import { authorizationSchema, cancellationCheckSchema, type Agreement, type BillPage } from '../../mpp/contract/schema'
import { demoBills } from '../../mpp/sandbox/demoData'
import { signingKey } from '../../mpp/sandbox/keys'
import { startSandbox, type RunningSandbox } from '../../mpp/sandbox/server'
import { loadContract, type Contract } from '../helpers/contract'

let sandbox: RunningSandbox
let contract: Contract

beforeAll(async () => {
  sandbox = await startSandbox(0)
  contract = await loadContract()
})
afterAll(() => sandbox.close())

type Answer = { status: number; type: string; body: unknown }

/** Calls the sandbox and checks the answer against the contract's schema for it, whatever the status. */
async function api(
  method: string,
  path: string,
  { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const type = response.headers.get('content-type') ?? ''
  const text = await response.text()
  const parsed: unknown = text && type.includes('json') ? JSON.parse(text) : text || undefined
  const operationPath = path.replace(/^\/[^/]+/, '').split('?')[0]!
  expect(contract.checkResponse(method, operationPath, response.status, type, parsed), `${method} ${path} ${response.status}`).toEqual([])
  return { status: response.status, type, body: parsed }
}

async function token(tenant: string, user: string, seconds?: number) {
  const answer = await api('POST', `/${tenant}/sandbox/token`, { body: { user, seconds } })
  expect(answer.status).toBe(201)
  return (answer.body as { token: string }).token
}

describe('the sandbox MPP over HTTP', () => {
  test("lists a user's bills through the typed client, page by page", async () => {
    const client = createMppClient({ baseUrl: `${sandbox.url}/lumopay`, token: await token('lumopay', 'u1'), locale: 'en' })
    const first = await client.listBills({ limit: 10 })
    expect(first.items).toHaveLength(10)
    const second = await client.listBills({ limit: 10, cursor: first.nextCursor })
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id)
  })

  test('filters bills by status, date range and merchant text, and every page matches the contract', async () => {
    const user = await token('lumopay', 'u1')
    const refunded = (await api('GET', '/lumopay/v1/bills?status=partially_refunded,refunded&limit=50', { token: user })).body as BillPage
    expect(refunded.items.length).toBeGreaterThan(0)
    expect(refunded.items.every((b) => b.refundedAmount.value > 0)).toBe(true)
    const ranged = (await api('GET', '/lumopay/v1/bills?from=2026-11-01T00:00:00Z&to=2026-11-05T00:00:00Z&merchant=a', { token: user }))
      .body as BillPage
    expect(ranged.items.every((b) => b.paidAt >= '2026-11-01' && b.paidAt < '2026-11-05' && /a/i.test(b.merchant.name))).toBe(true)
  })

  test("a bill's detail has both currencies, the rate, promotions and every refund", async () => {
    const user = await token('hoshi', 'u1')
    const page = (await api('GET', '/hoshi/v1/bills?status=partially_refunded&limit=50', { token: user })).body as BillPage
    const detail = await api('GET', `/hoshi/v1/bills/${page.items[0]!.id}`, { token: user })
    expect(detail.status).toBe(200)
    expect(detail.body).toMatchObject({
      id: page.items[0]!.id,
      exchangeRate: { to: 'JPY' },
      refunds: [expect.objectContaining({ reason: expect.any(String) })],
    })
  })

  test("another user's bill and agreement are 404, never their data", async () => {
    const other = await token('lumopay', 'u2')
    const bill = await api('GET', `/lumopay/v1/bills/${demoBills('lumopay', 'u1')[0]!.id}`, { token: other })
    expect(bill.status).toBe(404)
    expect(bill.type).toBe('application/problem+json')
    expect(JSON.stringify(bill.body)).not.toContain('merchant')
    const agreement = await api('GET', '/lumopay/v1/agreements/lumopay-u1-ag1', { token: other })
    expect(agreement.status).toBe(404)
    const cancel = await api('POST', '/lumopay/v1/agreements/lumopay-u1-ag1/cancellation', {
      token: other,
      body: { reason: 'other' },
      headers: { 'idempotency-key': 'other-user-key-1' },
    })
    expect(cancel.status).toBe(404)
  })

  test("another tenant's token gets 401 problem+json and no bills", async () => {
    const answer = await api('GET', '/lumopay/v1/bills', { token: await token('hoshi', 'u1') })
    expect(answer.status).toBe(401)
    expect(answer.type).toBe('application/problem+json')
    expect(answer.body).toMatchObject({ status: 401, title: 'Invalid token' })
    expect(answer.body).not.toHaveProperty('items')
  })

  test('expired and malformed tokens get 401 problem+json saying why', async () => {
    const expired = await api('GET', '/lumopay/v1/agreements', { token: await token('lumopay', 'u1', -60) })
    expect(expired).toMatchObject({ status: 401, type: 'application/problem+json', body: { detail: 'the token has expired' } })
    const malformed = await api('GET', '/lumopay/v1/agreements', { token: 'garbage' })
    expect(malformed).toMatchObject({ status: 401, body: { detail: 'the token is malformed' } })
    const forShop = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('lumopay')
      .setSubject('u1')
      .setAudience('shop')
      .setExpirationTime('5m')
      .sign(await signingKey('lumopay'))
    expect(await api('GET', '/lumopay/v1/bills', { token: forShop })).toMatchObject({
      status: 401,
      body: { detail: 'the token\'s "aud" claim is not for this tenant or audience' },
    })
  })

  test('the client reports a refused token as unauthorized', async () => {
    const client = createMppClient({ baseUrl: `${sandbox.url}/lumopay`, token: 'garbage', locale: 'en' })
    await expect(client.listBills()).rejects.toMatchObject({ kind: 'unauthorized' })
  })

  test('the client reports garbage and silence as errors it can explain', async () => {
    const garbage = createMppClient({
      baseUrl: 'http://mpp.invalid',
      token: 't',
      locale: 'en',
      fetch: async () => new Response('{"items": "nope"}'),
    })
    await expect(garbage.listBills()).rejects.toMatchObject({ kind: 'invalid-response' })
    const down = createMppClient({
      baseUrl: 'http://mpp.invalid',
      token: 't',
      locale: 'en',
      fetch: async () => {
        throw new TypeError('fetch failed')
      },
    })
    await expect(down.listBills()).rejects.toBeInstanceOf(MppError)
  })

  test('eligibility says a "new-" demo user is new to paying abroad and an ordinary demo user is not, per the contract', async () => {
    const fresh = await api('GET', '/nakhla/v1/rewards/eligibility', { token: await token('nakhla', 'new-amal') })
    expect(fresh.body).toEqual({ newUser: true, crossBorderPayments: 0 })
    expect(((await api('GET', '/nakhla/v1/bills', { token: await token('nakhla', 'new-amal') })).body as BillPage).items).toEqual([])
    const regular = createMppClient({ baseUrl: `${sandbox.url}/nakhla`, token: await token('nakhla', 'u1'), locale: 'en' })
    expect(await regular.getEligibility()).toEqual({ newUser: false, crossBorderPayments: 45 })
  })

  test('a bad filter is a 400 that says what is allowed', async () => {
    const answer = await api('GET', '/lumopay/v1/bills?status=lost', { token: await token('lumopay', 'u1') })
    expect(answer.status).toBe(400)
    expect((answer.body as { detail: string }).detail).toBe('status must be one or more of: paid, partially_refunded, refunded')
  })

  test('an id with broken percent-encoding is a problem+json 400, not a 500', async () => {
    const user = await token('lumopay', 'u1')
    for (const path of [
      '/lumopay/v1/agreements/%E0%A4%A',
      '/lumopay/v1/agreements/%E0%A4%A/cancellation-check',
      '/lumopay/v1/bills/%E0%A4%A',
    ]) {
      const answer = await api('GET', path, { token: user })
      expect({ path, status: answer.status, type: answer.type }).toEqual({ path, status: 400, type: 'application/problem+json' })
      expect((answer.body as { detail: string }).detail).toMatch(/not valid percent-encoding/)
    }
  })

  test('browsers on another origin may call it with a bearer token and an idempotency key', async () => {
    const response = await fetch(`${sandbox.url}/lumopay/v1/bills`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4321', 'access-control-request-headers': 'authorization' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization')
    expect(response.headers.get('access-control-allow-headers')).toContain('idempotency-key')
  })
})

describe('agreements in the sandbox', () => {
  test('the same Idempotency-Key twice cancels once and answers the same; another key then gets 409', async () => {
    const user = await token('lumopay', 'cancel-once')
    const headers = { 'idempotency-key': 'key-cancel-once-1' }
    const first = await api('POST', '/lumopay/v1/agreements/lumopay-cancel-once-ag1/cancellation', {
      token: user,
      body: { reason: 'not_used' },
      headers,
    })
    const again = await api('POST', '/lumopay/v1/agreements/lumopay-cancel-once-ag1/cancellation', {
      token: user,
      body: { reason: 'not_used' },
      headers,
    })
    expect(first.status).toBe(200)
    expect((first.body as Agreement).status).toBe('cancelled')
    expect(again).toEqual(first)
    const other = await api('POST', '/lumopay/v1/agreements/lumopay-cancel-once-ag1/cancellation', {
      token: user,
      body: { reason: 'not_used' },
      headers: { 'idempotency-key': 'key-cancel-once-2' },
    })
    expect(other.status).toBe(409)
  })

  test('two cancels with one key at the same moment cancel once', async () => {
    const user = await token('lumopay', 'racing')
    const send = () =>
      api('POST', '/lumopay/v1/agreements/lumopay-racing-ag4/cancellation', {
        token: user,
        body: { reason: 'other' },
        headers: { 'idempotency-key': 'key-racing-1' },
      })
    const [a, b] = await Promise.all([send(), send()])
    expect(a).toEqual(b)
    expect(a.status).toBe(200)
  })

  test('a cancellation is remembered for the user and does not touch another user', async () => {
    const user = await token('hoshi', 'remember')
    await api('POST', '/hoshi/v1/agreements/hoshi-remember-ag1/cancellation', {
      token: user,
      body: { reason: 'too_expensive' },
      headers: { 'idempotency-key': 'key-remember-1' },
    })
    const list = (await api('GET', '/hoshi/v1/agreements', { token: user })).body as { items: Agreement[] }
    expect(list.items.find((a) => a.id === 'hoshi-remember-ag1')).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) })
    const stranger = (await api('GET', '/hoshi/v1/agreements', { token: await token('hoshi', 'stranger') })).body as { items: Agreement[] }
    expect(stranger.items[0]!.status).toBe('active')
  })

  test("the pre-check refuses the merchant-only agreement with the merchant's page, and so does the cancel", async () => {
    const user = await token('lumopay', 'refused')
    const check = await api('GET', '/lumopay/v1/agreements/lumopay-refused-ag2/cancellation-check', { token: user })
    expect(check.body).toMatchObject({ allowed: false, merchantUrl: 'https://tepco.merchant.example/account/payments' })
    const cancel = await api('POST', '/lumopay/v1/agreements/lumopay-refused-ag2/cancellation', {
      token: user,
      body: { reason: 'other' },
      headers: { 'idempotency-key': 'key-refused-1' },
    })
    expect(cancel).toMatchObject({
      status: 409,
      type: 'application/problem+json',
      body: { merchantUrl: 'https://tepco.merchant.example/account/payments' },
    })
  })

  test('a cancel without an Idempotency-Key or a survey reason is a 400', async () => {
    const user = await token('lumopay', 'careless')
    expect(
      (await api('POST', '/lumopay/v1/agreements/lumopay-careless-ag1/cancellation', { token: user, body: { reason: 'other' } })).status,
    ).toBe(400)
    expect(
      (
        await api('POST', '/lumopay/v1/agreements/lumopay-careless-ag1/cancellation', {
          token: user,
          body: {},
          headers: { 'idempotency-key': 'key-careless-1' },
        })
      ).status,
    ).toBe(400)
  })

  test('a pending agreement is enabled through its authorization step, only with the terms accepted', async () => {
    const user = await token('lumopay', 'enabler')
    const step = await api('GET', '/lumopay/v1/agreements/lumopay-enabler-ag3/authorization', { token: user })
    expect(authorizationSchema.safeParse(step.body).success).toBe(true)
    expect(
      cancellationCheckSchema.safeParse(
        (await api('GET', '/lumopay/v1/agreements/lumopay-enabler-ag1/cancellation-check', { token: user })).body,
      ).success,
    ).toBe(true)
    expect(step.body).toMatchObject({
      merchant: { name: 'Klook' },
      wallet: { name: 'LumoPay' },
      maskedAccount: expect.stringMatching(/^\+852 \*{4}\d{4}$/),
    })
    const logo = await fetch((step.body as { wallet: { logoUrl: string } }).wallet.logoUrl)
    expect(logo.headers.get('content-type')).toBe('image/svg+xml')
    const refused = await api('POST', '/lumopay/v1/agreements/lumopay-enabler-ag3/authorization', {
      token: user,
      body: { acceptTerms: false },
      headers: { 'idempotency-key': 'key-enabler-1' },
    })
    expect(refused.status).toBe(400)
    const enabled = await api('POST', '/lumopay/v1/agreements/lumopay-enabler-ag3/authorization', {
      token: user,
      body: { acceptTerms: true },
      headers: { 'idempotency-key': 'key-enabler-2' },
    })
    expect(enabled.body).toMatchObject({ status: 'active', authorizedAt: expect.any(String) })
    expect((await api('GET', '/lumopay/v1/agreements/lumopay-enabler-ag3/authorization', { token: user })).status).toBe(409)
  })
})

describe('sandbox fault injection', () => {
  test('a 500 fault answers problem+json until cleared, for that user only', async () => {
    const user = await token('lumopay', 'faulty')
    expect((await api('PUT', '/lumopay/sandbox/faults', { token: user, body: { fault: '500' } })).status).toBe(200)
    expect(await api('GET', '/lumopay/v1/bills', { token: user })).toMatchObject({ status: 500, type: 'application/problem+json' })
    expect((await api('GET', '/lumopay/v1/bills', { token: await token('lumopay', 'healthy') })).status).toBe(200)
    expect((await api('DELETE', '/lumopay/sandbox/faults', { token: user })).status).toBe(204)
    expect((await api('GET', '/lumopay/v1/bills', { token: user })).status).toBe(200)
  })

  test('a malformed fault answers 200 with a body the client reports as unreadable', async () => {
    const user = await token('lumopay', 'garbled')
    await api('PUT', '/lumopay/sandbox/faults', { token: user, body: { fault: 'malformed' } })
    const client = createMppClient({ baseUrl: `${sandbox.url}/lumopay`, token: user, locale: 'en' })
    await expect(client.listAgreements()).rejects.toMatchObject({ kind: 'invalid-response' })
  })

  test("a slow fault outlasts the client's timeout, which reports it as a timeout", async () => {
    const user = await token('lumopay', 'sluggish')
    await api('PUT', '/lumopay/sandbox/faults', { token: user, body: { fault: 'slow', latencyMs: 2000 } })
    const client = createMppClient({ baseUrl: `${sandbox.url}/lumopay`, token: user, locale: 'en', timeoutMs: 200 })
    await expect(client.listBills()).rejects.toMatchObject({ kind: 'timeout' })
  })

  test('an unknown fault is a 400', async () => {
    const answer = await api('PUT', '/lumopay/sandbox/faults', { token: await token('lumopay', 'u1'), body: { fault: 'fire' } })
    expect(answer.status).toBe(400)
  })
})
