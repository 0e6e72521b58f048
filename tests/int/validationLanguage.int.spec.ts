import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

import { demoEditor, demoPassword } from '../../cms/seed'
import { openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'
import { answerLinkingTo } from '../helpers/lexical'
import { callRest } from '../helpers/restRoute'

vi.mock('@payload-config', async () => ({ default: (await import('../../cms/payload.config')).default }))

const database = useTestDatabase('validation-language')
let payload: Payload
let editor: Record<string, string>
let qaId: number | string

beforeAll(async () => {
  payload = await openSeededCms({ demoUsers: true })
  const login = await callRest('POST', '/api/users/login', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEditor('lumopay'), password: demoPassword.editor }),
  })
  expect(login.status).toBe(200)
  editor = { authorization: `JWT ${login.body.token}`, 'content-type': 'application/json' }
  const lumopay = (await payload.find({ collection: 'tenants', where: { slug: { equals: 'lumopay' } }, limit: 1 })).docs[0]!.id
  qaId = (await payload.find({ collection: 'qas', where: { tenant: { equals: lumopay } }, limit: 1, depth: 0 })).docs[0]!.id
})

afterAll(() => releaseTestDatabase(database, payload))

/**
 * Saves the Q&A's English text as the lumopay editor would from the admin, whose language Payload
 * reads from the `payload-lng` cookie the admin sets (or, without one, from Accept-Language), and
 * returns the message on the field that was refused.
 */
async function refusal(language: { cookie: string } | { 'accept-language': string }, data: object, path: string): Promise<string> {
  const answer = await callRest('PATCH', `/api/qas/${qaId}?draft=true&locale=en`, {
    headers: { ...editor, ...language },
    body: JSON.stringify(data),
  })
  expect(answer.status).toBe(400)
  const [error] = answer.body.errors
  expect(error.name).toBe('ValidationError')
  const fieldError = (error.data.errors as { path: string; message: string }[]).find((each) => each.path === path)
  expect(fieldError, JSON.stringify(error.data.errors)).toBeDefined()
  return fieldError!.message
}

describe("an editor's refused save speaks the editor's admin language", () => {
  test('a slug that is not lowercase words and hyphens, in Japanese and Arabic', async () => {
    expect(await refusal({ cookie: 'payload-lng=ja' }, { slug: 'Pay Online' }, 'slug')).toBe(
      '小文字の英字、数字、ハイフンを使ってください（例: "pay-online"）。',
    )
    expect(await refusal({ 'accept-language': 'ar' }, { slug: 'Pay Online' }, 'slug')).toBe(
      'استخدم أحرفًا لاتينية صغيرة وأرقامًا وشرطات، مثل "pay-online".',
    )
  })

  test('a javascript: link in rich text, in Japanese and Arabic', async () => {
    const data = { answer: answerLinkingTo('javascript:alert(1)') }
    expect(await refusal({ cookie: 'payload-lng=ja' }, data, 'answer')).toBe(
      'リンクに "javascript:" は使えません（"javascript:alert(1)"）。ブラウザーがコードとして実行したり開いたりしてしまいます。代わりに https:、mailto:、tel: のアドレスにリンクしてください。',
    )
    expect(await refusal({ cookie: 'payload-lng=ar' }, data, 'answer')).toBe(
      'لا يجوز أن يستخدم الرابط "javascript:" ("javascript:alert(1)"): ستشغّله المتصفحات أو تفتحه كشيفرة. اربط بعنوان https: أو mailto: أو tel: بدلًا من ذلك.',
    )
  })

  test('an editor whose admin is in English, or in a language it does not speak, still reads English', async () => {
    const english = 'Use lowercase letters, digits and hyphens, like "pay-online".'
    expect(await refusal({ cookie: 'payload-lng=en' }, { slug: 'Pay Online' }, 'slug')).toBe(english)
    expect(await refusal({ 'accept-language': 'ms' }, { slug: 'Pay Online' }, 'slug')).toBe(english)
  })

  test('nothing refused was saved', async () => {
    const saved = await payload.findByID({ collection: 'qas', id: qaId, draft: true, locale: 'en', depth: 0 })
    expect(saved.slug).not.toBe('Pay Online')
    expect(JSON.stringify(saved.answer)).not.toContain('javascript:')
  })
})

describe("an editor's refused publish or review speaks the editor's admin language", () => {
  test('restoring a version without the publisher role, in Japanese', async () => {
    const saved = await callRest('PATCH', `/api/qas/${qaId}?draft=true&locale=en`, {
      headers: editor,
      body: JSON.stringify({ question: 'An older draft question' }),
    })
    expect(saved.status).toBe(200)
    const version = (await payload.findVersions({ collection: 'qas', where: { parent: { equals: qaId } }, sort: '-updatedAt', limit: 1 }))
      .docs[0]!
    const refused = await callRest('POST', `/api/qas/versions/${version.id}`, { headers: { ...editor, cookie: 'payload-lng=ja' } })
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.body)).toContain(
      'バージョンを復元すると公開されるため、この MPP の公開担当ロールが必要です。代わりに下書きとして復元してください（?draft=true）。',
    )
  })

  test('a second review request for the same document, in Arabic', async () => {
    const request = () =>
      callRest('POST', '/api/review-requests', {
        headers: { ...editor, cookie: 'payload-lng=ar' },
        body: JSON.stringify({ collection: 'qas', document: String(qaId) }),
      })
    expect((await request()).status).toBe(201)
    const again = await request()
    expect(again.status).toBe(409)
    expect(JSON.stringify(again.body)).toContain('طُلبت مراجعة هذا المستند بالفعل.')
  })
})

describe("the editor's own account over REST, as an attacker holding an editor's session would try it", () => {
  test('PATCH /api/users/<own id> with a super-admin role and publisher rows in two MPPs changes nothing', async () => {
    const me = await callRest('GET', '/api/users/me', { headers: editor })
    const id = me.body.user.id
    const tenants = (await payload.find({ collection: 'tenants', limit: 0, depth: 0 })).docs
    const lumopay = tenants.find((t) => t.slug === 'lumopay')!.id
    const nakhla = tenants.find((t) => t.slug === 'nakhla')!.id
    for (const path of [`/api/users/${id}`, `/api/users/${id}?draft=true`, `/api/users/${id}?draft=false`]) {
      await callRest('PATCH', path, {
        headers: editor,
        body: JSON.stringify({
          role: 'super-admin',
          tenants: [
            { tenant: lumopay, role: 'publisher' },
            { tenant: nakhla, role: 'publisher' },
          ],
        }),
      })
      const stored = await payload.findByID({ collection: 'users', id, depth: 0 })
      expect(stored.role, path).toBe('editor')
      expect(
        stored.tenants?.map((row) => [row.tenant, row.role]),
        path,
      ).toEqual([[lumopay, 'editor']])
    }
    // Another user's account is refused outright.
    const publisher = (await payload.find({ collection: 'users', where: { email: { equals: 'publisher@lumopay.local' } }, limit: 1 }))
      .docs[0]!
    const other = await callRest('PATCH', `/api/users/${publisher.id}`, { headers: editor, body: JSON.stringify({ role: 'super-admin' }) })
    expect(other.status).toBe(403)
    expect((await payload.findByID({ collection: 'users', id: publisher.id, depth: 0 })).role).toBe('editor')
  })
})
