import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

import { demoPassword, demoSuperAdmin } from '../../cms/seed'
import { openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'
import { answerLinkingTo } from '../helpers/lexical'
import { callRest, type Answer } from '../helpers/restRoute'

vi.mock('@payload-config', async () => ({ default: (await import('../../cms/payload.config')).default }))

const database = useTestDatabase('rest-bad-input')
let payload: Payload
let auth: Record<string, string>
let lumopay: number | string

/** Signs the super-admin in over REST: a session of its own, as a browser would get. */
async function signIn(): Promise<Record<string, string>> {
  const login = await callRest('POST', '/api/users/login', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoSuperAdmin, password: demoPassword.superAdmin }),
  })
  expect(login.status).toBe(200)
  return { authorization: `JWT ${login.body.token}` }
}

beforeAll(async () => {
  payload = await openSeededCms({ demoUsers: true })
  auth = await signIn()
  lumopay = (await payload.find({ collection: 'tenants', where: { slug: { equals: 'lumopay' } }, limit: 1 })).docs[0]!.id
})

afterAll(() => releaseTestDatabase(database, payload))

/** The Center's one error shape, with the status and code a caller can act on. */
function expectRefusal(answer: Answer, status: number, code: string) {
  expect({ status: answer.status, code: answer.body?.code }).toEqual({ status, code })
  expect(answer.type).toBe('application/problem+json')
  expect(answer.body.detail).toEqual(expect.any(String))
}

const categoryCount = async () => (await payload.count({ collection: 'qa-categories' })).totalDocs

describe('bad paths on the REST API', () => {
  test('the versions of a collection that keeps none are a 404 saying so, not a 500', async () => {
    expectRefusal(await callRest('GET', '/api/qa-categories/versions', { headers: auth }), 404, 'no-versions')
    expectRefusal(await callRest('GET', '/api/qa-categories/versions/1', { headers: auth }), 404, 'no-versions')
    expectRefusal(await callRest('POST', '/api/media/versions/1', { headers: auth }), 404, 'no-versions')
    // A collection with drafts still lists its versions.
    expect((await callRest('GET', '/api/qas/versions?limit=1', { headers: auth })).status).toBe(200)
  })

  test('a media file name with NUL or broken percent-encoding is a 400', async () => {
    expectRefusal(await callRest('GET', '/api/media/file/%00'), 400, 'bad-path')
    expectRefusal(await callRest('GET', '/api/media/file/logo%00.png'), 400, 'bad-path')
    expectRefusal(await callRest('GET', '/api/media/file/%E0%A4%A'), 400, 'bad-path')
    expectRefusal(await callRest('GET', '/api/qas/%00', { headers: auth }), 400, 'bad-path')
  })

  test('a 3,000-character media file name is a 414', async () => {
    expectRefusal(await callRest('GET', `/api/media/file/${'a'.repeat(3000)}.png`), 414, 'path-too-long')
  })
})

describe('bodies Payload cannot read on REST create and update', () => {
  test('a text/plain create is a 415 and creates nothing', async () => {
    const before = await categoryCount()
    const answer = await callRest('POST', '/api/qa-categories', {
      headers: { ...auth, 'content-type': 'text/plain' },
      body: JSON.stringify({ tenant: lumopay, slug: 'plain', name: 'Plain' }),
    })
    expectRefusal(answer, 415, 'unsupported-media-type')
    expect(answer.body.detail).toMatch(/application\/json/)
    expect(await categoryCount()).toBe(before)
  })

  test('a url-encoded create or update is a 415 and changes nothing', async () => {
    const before = await categoryCount()
    const form = { ...auth, 'content-type': 'application/x-www-form-urlencoded' }
    expectRefusal(
      await callRest('POST', '/api/qa-categories', { headers: form, body: `tenant=${lumopay}&slug=encoded&name=Encoded` }),
      415,
      'unsupported-media-type',
    )
    const [category] = (await payload.find({ collection: 'qa-categories', limit: 1, depth: 0 })).docs
    expectRefusal(
      await callRest('PATCH', `/api/qa-categories/${category!.id}`, { headers: form, body: 'name=Changed' }),
      415,
      'unsupported-media-type',
    )
    expect(await categoryCount()).toBe(before)
    expect((await payload.findByID({ collection: 'qa-categories', id: category!.id, depth: 0 })).name).toBe(category!.name)
  })

  test("JSON and multipart creates, and the admin's url-encoded GET override, still work", async () => {
    const json = await callRest('POST', '/api/qa-categories', {
      headers: { ...auth, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ tenant: lumopay, slug: 'json-made', name: 'JSON' }),
    })
    expect(json.status).toBe(201)
    const form = new FormData()
    form.set('_payload', JSON.stringify({ tenant: lumopay, slug: 'multipart-made', name: 'Multipart' }))
    expect((await callRest('POST', '/api/qa-categories', { headers: auth, body: form })).status).toBe(201)
    const query = await callRest('POST', '/api/qa-categories', {
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded', 'x-payload-http-method-override': 'GET' },
      body: 'where[slug][equals]=json-made&depth=0',
    })
    expect(query.status).toBe(200)
    expect(query.body.docs.map((doc: { slug: string }) => doc.slug)).toEqual(['json-made'])
  })

  test("a POST with no body and no Content-Type, as the admin's logout sends, still reaches Payload", async () => {
    // As Next hands it over: an empty body stream, and the browser's Content-Length: 0.
    const empty = new ReadableStream({ start: (controller) => controller.close() })
    const session = await signIn()
    const logout = await callRest('POST', '/api/users/logout', {
      headers: { ...session, 'content-length': '0' },
      body: empty,
      duplex: 'half',
    } as RequestInit)
    expect(logout.status).toBe(200)
  })
})

describe('links in rich text', () => {
  /** PATCHes a Q&A's English answer (as a draft) over REST, as the admin would save it. */
  async function saveAnswer(url: string, type?: 'link' | 'autolink') {
    const [qa] = (await payload.find({ collection: 'qas', where: { tenant: { equals: lumopay } }, limit: 1, depth: 0 })).docs
    const answer = await callRest('PATCH', `/api/qas/${qa!.id}?draft=true&locale=en`, {
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ answer: answerLinkingTo(url, type) }),
    })
    return { answer, id: qa!.id }
  }

  test.each([
    ['javascript:alert(document.domain)', 'link', 'javascript'],
    ['JaVa\tScRiPt:alert(1)', 'link', 'javascript'],
    [' vbscript:msgbox(1)', 'link', 'vbscript'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'link', 'data'],
    ['javascript:alert(1)', 'autolink', 'javascript'],
  ] as const)('a %s %s is refused at save time with a message on the answer field', async (url, type, scheme) => {
    const { answer, id } = await saveAnswer(url, type)
    expect(answer.status).toBe(400)
    const [error] = answer.body.errors
    expect(error.name).toBe('ValidationError')
    const fieldError = error.data.errors.find((each: { path: string }) => each.path === 'answer')
    expect(fieldError?.message).toContain(`may not use "${scheme}:"`)
    const saved = await payload.findByID({ collection: 'qas', id, draft: true, locale: 'en', depth: 0 })
    expect(JSON.stringify(saved.answer)).not.toContain(`${scheme}:`)
  })

  test('an https link is saved', async () => {
    const { answer, id } = await saveAnswer('https://lumopay.wallet.example/help')
    expect(answer.status).toBe(200)
    const saved = await payload.findByID({ collection: 'qas', id, draft: true, locale: 'en', depth: 0 })
    expect(JSON.stringify(saved.answer)).toContain('https://lumopay.wallet.example/help')
  })
})
