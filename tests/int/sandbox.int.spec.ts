import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { createMppClient, MppError } from '../../mpp/client'
import { startSandbox, type RunningSandbox } from '../../mpp/sandbox'

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox(0)
})
afterAll(() => sandbox.close())

async function token(tenant: string, user: string) {
  const response = await fetch(`${sandbox.url}/${tenant}/sandbox/token`, { method: 'POST', body: JSON.stringify({ user }) })
  expect(response.status).toBe(201)
  return ((await response.json()) as { token: string }).token
}

describe('the sandbox MPP over HTTP', () => {
  test('lists a user\'s bills through the typed client, page by page', async () => {
    const client = createMppClient({ baseUrl: `${sandbox.url}/lumopay`, token: await token('lumopay', 'u1') })
    const first = await client.listBills({ limit: 10 })
    expect(first.items).toHaveLength(10)
    const second = await client.listBills({ limit: 10, cursor: first.nextCursor })
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id)
  })

  test('another tenant\'s token gets 401 problem+json and no bills', async () => {
    const response = await fetch(`${sandbox.url}/lumopay/v1/bills`, { headers: { authorization: `Bearer ${await token('hoshi', 'u1')}` } })
    expect(response.status).toBe(401)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toMatchObject({ status: 401, title: 'Invalid token' })
    expect(body).not.toHaveProperty('items')
  })

  test('the client reports a refused token as unauthorized', async () => {
    const client = createMppClient({ baseUrl: `${sandbox.url}/lumopay`, token: 'garbage' })
    await expect(client.listBills()).rejects.toMatchObject({ kind: 'unauthorized' })
  })

  test('the client reports garbage and silence as errors it can explain', async () => {
    const garbage = createMppClient({ baseUrl: 'http://mpp.invalid', token: 't', fetch: async () => new Response('{"items": "nope"}') })
    await expect(garbage.listBills()).rejects.toMatchObject({ kind: 'invalid-response' })
    const down = createMppClient({ baseUrl: 'http://mpp.invalid', token: 't', fetch: async () => { throw new TypeError('fetch failed') } })
    await expect(down.listBills()).rejects.toBeInstanceOf(MppError)
  })

  test('a bad filter is a 400 that says what is allowed', async () => {
    const response = await fetch(`${sandbox.url}/lumopay/v1/bills?status=lost`, { headers: { authorization: `Bearer ${await token('lumopay', 'u1')}` } })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { detail: string }).detail).toBe('status must be one of: paid, refunded')
  })

  test('browsers on another origin may call it with a bearer token', async () => {
    const response = await fetch(`${sandbox.url}/lumopay/v1/bills`, { method: 'OPTIONS', headers: { origin: 'http://localhost:4321', 'access-control-request-headers': 'authorization' } })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization')
  })
})
