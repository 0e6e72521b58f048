import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { peerAddressHeader } from '../../cms/lib/requests'
import { releaseTestDatabase, useTestDatabase } from '../helpers/database'
import { logLinesDuring } from '../helpers/logLines'

const database = useTestDatabase('sign-in')

let payload: Payload
let api: (request: Request) => Promise<Response>
const password = 'correct horse battery staple'
/** The admin's own origin (CENTER_API_URL unset: a local CMS on port 3000). */
const adminOrigin = 'http://localhost:3000'

beforeAll(async () => {
  const { openCms } = await import('../../scripts/lib/cms')
  const { apiRoute } = await import('../../cms/lib/apiRoute')
  const { handleEndpoints } = await import('payload')
  const config = (await import('../../cms/payload.config')).default
  payload = await openCms()
  // The CMS's REST route as Next serves it: Payload's handler inside the Center's wrapper.
  const route = apiRoute(
    (request) => handleEndpoints({ config, request }),
    async () => payload,
  )
  api = (request) => route(request, {})
  for (const email of ['owner@center.test', 'guessed@center.test', 'spread@center.test', 'admin@center.test']) {
    await payload.create({ collection: 'users', data: { email, password, role: email.startsWith('admin') ? 'super-admin' : 'editor' } })
  }
})

afterAll(async () => {
  await releaseTestDatabase(database, payload)
})

/** POSTs a sign-in as a browser or script at `from` would. */
async function signIn(email: string, pass: string, from: string) {
  const response = await api(
    new Request('http://cms.test/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [peerAddressHeader]: from },
      body: JSON.stringify({ email, password: pass }),
    }),
  )
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    retryAfter: response.headers.get('retry-after'),
    cookie: response.headers.get('set-cookie'),
  }
}

describe('sign-in limits', () => {
  test('an unknown account, a wrong password and an account that failed many times all get the same answer', async () => {
    const unknown = await signIn('nobody@center.test', 'not it', '198.51.100.1')
    expect(unknown.status).toBe(401)
    for (let i = 0; i < 6; i++) expect(await signIn('owner@center.test', `not it ${i}`, '198.51.100.1')).toEqual(unknown)
    expect(await signIn('nobody@center.test', 'not it', '198.51.100.1')).toEqual(unknown)
  })

  test('a stranger failing on purpose from other addresses cannot lock the owner out', async () => {
    for (let i = 0; i < 12; i++) expect((await signIn('owner@center.test', `guess ${i}`, `203.0.113.${10 + (i % 2)}`)).status).not.toBe(200)
    const owner = await signIn('owner@center.test', password, '198.51.100.2')
    expect(owner.status).toBe(200)
    expect(owner.body.message).not.toMatch(/lock/i)
  })

  test('one client guessing one account is refused with 429 after 10 tries, even with the right password, and so is one guessing an unknown account', async () => {
    for (let i = 0; i < 10; i++) expect((await signIn('guessed@center.test', `guess ${i}`, '203.0.113.20')).status).toBe(401)
    const refused = await signIn('guessed@center.test', password, '203.0.113.20')
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    for (let i = 0; i < 10; i++) expect((await signIn('ghost@center.test', `guess ${i}`, '203.0.113.21')).status).toBe(401)
    const ghost = await signIn('ghost@center.test', password, '203.0.113.21')
    expect(ghost.status).toBe(429)
    expect(JSON.stringify(ghost.body).replace(/\d+ s/, 'N s')).toBe(JSON.stringify(refused.body).replace(/\d+ s/, 'N s'))
    // The owner, at their own address, is not held back by that client's guesses.
    expect((await signIn('guessed@center.test', password, '198.51.100.3')).status).toBe(200)
  })

  test("guesses spread over many addresses stop at the account's limit of 100 in 15 minutes", async () => {
    for (let i = 0; i < 100; i++) await signIn('spread@center.test', `guess ${i}`, `192.0.2.${Math.floor(i / 5)}`)
    const next = await signIn('spread@center.test', `guess 100`, '192.0.2.200')
    expect(next.status).toBe(429)
  })
})

describe("CSRF: a cookie counts only from the admin's own origin", () => {
  /** A multipart create, the kind a foreign page can send without a preflight, carrying the super-admin's cookie. */
  async function createUserWithCookie(cookie: string, origin: string, email: string) {
    const form = new FormData()
    form.set('_payload', JSON.stringify({ email, password, role: 'editor' }))
    const request = new Request('http://cms.test/api/users', {
      method: 'POST',
      headers: { cookie, origin, [peerAddressHeader]: '198.51.100.9' },
      body: form,
    })
    return (await api(request)).status
  }

  test("a foreign Origin with a valid session cookie is refused, and the same request from the admin's origin works", async () => {
    const { cookie } = await signIn('admin@center.test', password, '198.51.100.9')
    const token = /payload-token=[^;]+/.exec(cookie ?? '')?.[0]
    expect(token).toBeDefined()
    expect(await createUserWithCookie(token!, 'http://evil.example', 'csrf-victim@center.test')).toBe(403)
    expect((await payload.find({ collection: 'users', where: { email: { equals: 'csrf-victim@center.test' } } })).totalDocs).toBe(0)
    expect(await createUserWithCookie(token!, adminOrigin, 'invited@center.test')).toBe(201)
  })
})

describe('logs', () => {
  test('a refused request is one info line with the request id, not an error with a stack', async () => {
    const lines = await logLinesDuring(payload, () =>
      api(
        new Request('http://cms.test/api/users/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': 'refused-1', [peerAddressHeader]: '198.51.100.50' },
          body: JSON.stringify({ email: 'owner@center.test', password: 'wrong' }),
        }),
      ),
    )
    const mine = lines.filter((line) => line.requestId === 'refused-1')
    expect(mine.filter((line) => (line.level as number) >= 50)).toEqual([])
    expect(mine.some((line) => line.status === 401 && line.level === 30 && !('stack' in line) && !('err' in line))).toBe(true)
  })
})

describe("the admin's first content locale", () => {
  /** A tenant and its editor, and the content locale Payload keeps for that editor after signing in. */
  async function editorOf(slug: string, defaultLocale: 'ja' | 'en') {
    const tenant = await payload.create({
      collection: 'tenants',
      data: {
        name: slug,
        slug,
        enabledLocales: [defaultLocale, defaultLocale === 'ja' ? 'en' : 'ko'],
        defaultLocale,
        supportEmail: `help@${slug}.example`,
        brand: { primaryColor: '#0b5cad', accentColor: '#0f7b6c' },
        mppApiBaseUrl: 'https://api.example/center',
      },
    })
    const email = `editor@${slug}.test`
    const user = await payload.create({
      collection: 'users',
      data: { email, password, role: 'editor', tenants: [{ tenant: tenant.id, role: 'editor' }] },
    })
    const kept = async () =>
      (
        await payload.find({
          collection: 'payload-preferences',
          where: { and: [{ key: { equals: 'locale' } }, { 'user.value': { equals: user.id } }] },
          depth: 0,
        })
      ).docs.map((row) => row.value)
    return { email, user, kept }
  }

  test('an editor of a Japanese-first MPP starts in Japanese, and keeps a locale they pick', async () => {
    const hoshi = await editorOf('first-ja', 'ja')
    expect((await signIn(hoshi.email, password, '203.0.113.20')).status).toBe(200)
    expect(await hoshi.kept()).toEqual(['ja'])
    // As the admin's locale menu saves a pick, with the session cookie.
    const { cookie } = await signIn(hoshi.email, password, '203.0.113.20')
    const picked = await api(
      new Request('http://cms.test/api/payload-preferences/locale', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: cookie!.split(';')[0]!,
          origin: adminOrigin,
          [peerAddressHeader]: '203.0.113.20',
        },
        body: JSON.stringify({ value: 'en' }),
      }),
    )
    expect(picked.status).toBe(200)
    expect((await signIn(hoshi.email, password, '203.0.113.20')).status).toBe(200)
    expect(await hoshi.kept()).toEqual(['en'])
  })

  test('an editor of an English-first MPP is left to the admin default', async () => {
    const lumo = await editorOf('first-en', 'en')
    expect((await signIn(lumo.email, password, '203.0.113.21')).status).toBe(200)
    expect(await lumo.kept()).toEqual([])
  })
})
