import type { Payload } from 'payload'
import { describe, expect, test } from 'vitest'

import { apiRoute } from '../../cms/lib/apiRoute'
import { requestIdFrom, requestLogFields } from '../../cms/lib/requestContext'
import { peerAddressHeader } from '../../cms/lib/requests'
import { mediaStorage } from '../../cms/storage'

type Line = { level: string; fields: Record<string, unknown>; message: string }

/** A Payload stand-in whose logger keeps every line, with the request fields the real logger's mixin adds. */
function recordingPayload(): { payload: () => Promise<Payload>; lines: Line[] } {
  const lines: Line[] = []
  const log = (level: string) => (fields: Record<string, unknown>, message: string) =>
    lines.push({ level, fields: { ...requestLogFields(), ...fields }, message })
  const logger = { info: log('info'), debug: log('debug'), warn: log('warn'), error: log('error') }
  return {
    payload: async () => ({ logger, db: { name: 'sqlite' }, config: { routes: { api: '/api' }, collections: [] } }) as unknown as Payload,
    lines,
  }
}

describe('request ids', () => {
  test("a caller's x-request-id is kept, and a missing or malformed one is replaced by a new UUID", () => {
    expect(requestIdFrom(new Headers({ 'x-request-id': 'lb-7f3a.42' }))).toBe('lb-7f3a.42')
    expect(requestIdFrom(new Headers())).toMatch(/^[0-9a-f-]{36}$/)
    expect(requestIdFrom(new Headers({ 'x-request-id': 'bad id {"with": "quotes"}' }))).toMatch(/^[0-9a-f-]{36}$/)
  })

  test("an API answer echoes the request id, and the handler's log lines and the access line carry it", async () => {
    const { payload, lines } = recordingPayload()
    const route = apiRoute(async () => {
      ;(await payload()).logger.warn({ detail: 1 }, 'inside the handler')
      return Response.json({ ok: true }, { status: 201 })
    }, payload)
    const response = await route(new Request('http://cms.test/api/things', { method: 'POST', headers: { 'x-request-id': 'req-1' } }), {})
    expect(response.status).toBe(201)
    expect(response.headers.get('x-request-id')).toBe('req-1')
    expect(await response.json()).toEqual({ ok: true })
    expect(lines.map((line) => [line.message, line.fields.requestId])).toEqual([
      ['inside the handler', 'req-1'],
      ['request', 'req-1'],
    ])
    expect(lines[1]!.fields).toMatchObject({ method: 'POST', path: '/api/things', status: 201 })
    expect(requestLogFields()).toEqual({})
  })

  test('health probes are logged at debug level only, so they do not flood the logs', async () => {
    const { payload, lines } = recordingPayload()
    await apiRoute(async () => Response.json({ status: 'ok' }), payload)(new Request('http://cms.test/api/health'), {})
    expect(lines.map((line) => line.level)).toEqual(['debug'])
  })

  test('sign-in is refused with 429 and Retry-After after 30 attempts a minute from one client', async () => {
    const { payload } = recordingPayload()
    const route = apiRoute(async () => Response.json({ message: 'wrong password' }, { status: 401 }), payload)
    const attempt = () =>
      route(new Request('http://cms.test/api/users/login', { method: 'POST', headers: { [peerAddressHeader]: '203.0.113.9' } }), {})
    for (let i = 0; i < 30; i++) expect((await attempt()).status).toBe(401)
    const refused = await attempt()
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(((await refused.json()) as { code: string }).code).toBe('rate-limited')
  })
})

describe('media storage', () => {
  test('without S3_BUCKET media stay on the local disk, and S3 settings without a bucket are refused by name', () => {
    expect(() => mediaStorage({})).not.toThrow()
    expect(() => mediaStorage({ S3_ENDPOINT: 'https://minio.example', S3_REGION: 'eu-west-1' })).toThrow(
      'S3_BUCKET must be set when S3_REGION, S3_ENDPOINT are set',
    )
    expect(() => mediaStorage({ S3_BUCKET: 'center-media', S3_ACCESS_KEY_ID: 'AKIA' })).toThrow(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together',
    )
    expect(() => mediaStorage({ S3_BUCKET: 'center-media', S3_ENDPOINT: 'minio:9000' })).toThrow('S3_ENDPOINT must be an http(s) URL')
  })
})
