import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'
import { jwtClients, type GraphqlAnswer } from '../helpers/jwtApi'
import { logLinesDuring } from '../helpers/logLines'

// An editor (drafts only) attacks live content the way a probe kit would: every verb, with and
// without `draft`, over REST, GraphQL and the Local API. What is published must not move.
const database = useTestDatabase('escalation')

let payload: Payload
let rest: (method: string, path: string, token: string, body?: unknown) => Promise<Response>
let graphql: (query: string, token: string) => Promise<GraphqlAnswer>
const tokens: Record<string, string> = {}
let lumopay: number | string
type Draftable = 'qas' | 'guides' | 'campaigns'

beforeAll(async () => {
  const { demoPassword, demoEditor, demoPublisher } = await import('../../cms/seed')
  const config = (await import('../../cms/payload.config')).default
  payload = await openSeededCms({ demoUsers: true })
  lumopay = (await payload.find({ collection: 'tenants', where: { slug: { equals: 'lumopay' } } })).docs[0]!.id
  const login = async (email: string, password: string) => (await payload.login({ collection: 'users', data: { email, password } })).token!
  tokens.editor = await login(demoEditor('lumopay'), demoPassword.editor)
  tokens.publisher = await login(demoPublisher('lumopay'), demoPassword.publisher)
  ;({ rest, graphql } = await jwtClients(config))
})

afterAll(async () => {
  await releaseTestDatabase(database, payload)
})

/** A published document of the collection in lumopay, and the field the site shows of it. */
async function publishedDoc(collection: Draftable) {
  const { docs } = await payload.find({
    collection,
    where: { and: [{ tenant: { equals: lumopay } }, { _status: { equals: 'published' } }] },
    limit: 1,
    depth: 0,
    draft: false,
  })
  const field = collection === 'qas' ? 'question' : 'title'
  return { id: docs[0]!.id, field, live: (docs[0] as unknown as Record<string, string>)[field] }
}

/** What the site would publish for the document: its live (non-draft) row, status and text. */
async function liveRow(collection: Draftable, id: number | string, field: string) {
  const doc = (await payload.findByID({ collection, id, depth: 0, draft: false, locale: 'en' })) as unknown as Record<string, unknown>
  return { status: doc._status, text: doc[field] }
}

describe.each<Draftable>(['qas', 'guides', 'campaigns'])('an editor and the live %s', (collection) => {
  test.each(['', '?draft=false', '?draft=true'])(
    'PATCH%s with new text saves a draft and leaves the published version as it was',
    async (query) => {
      const { id, field, live } = await publishedDoc(collection)
      const response = await rest('PATCH', `/${collection}/${id}${query}`, tokens.editor!, { [field]: `Defaced ${query}` })
      expect(response.status).toBe(200)
      expect(await liveRow(collection, id, field)).toEqual({ status: 'published', text: live })
      const draft = (await payload.findByID({ collection, id, draft: true, depth: 0, locale: 'en' })) as unknown as Record<string, unknown>
      expect(draft[field]).toBe(`Defaced ${query}`)
    },
  )

  test('PATCH {"_status":"draft"}, with or without ?draft, does not unpublish it', async () => {
    const { id, field, live } = await publishedDoc(collection)
    for (const query of ['', '?draft=false', '?draft=true', '?unpublishAllLocales=true']) {
      await rest('PATCH', `/${collection}/${id}${query}`, tokens.editor!, { _status: 'draft' })
      expect(await liveRow(collection, id, field)).toEqual({ status: 'published', text: live })
    }
  })

  test('PATCH {"_status":"published"} with new text is refused with 403 and publishes nothing', async () => {
    const { id, field, live } = await publishedDoc(collection)
    const response = await rest('PATCH', `/${collection}/${id}`, tokens.editor!, {
      [field]: 'Published by an editor',
      _status: 'published',
    })
    expect(response.status).toBe(403)
    expect(await liveRow(collection, id, field)).toEqual({ status: 'published', text: live })
  })

  test('a bulk PATCH by query does not change or unpublish it', async () => {
    const { id, field, live } = await publishedDoc(collection)
    await rest('PATCH', `/${collection}?where[id][equals]=${id}`, tokens.editor!, { [field]: 'Bulk deface', _status: 'draft' })
    expect(await liveRow(collection, id, field)).toEqual({ status: 'published', text: live })
  })

  test('restoring a draft version over it is refused with 403 saying why; restoring as a draft keeps it live', async () => {
    const { id, field, live } = await publishedDoc(collection)
    await rest('PATCH', `/${collection}/${id}?draft=true`, tokens.editor!, { [field]: 'An old draft' })
    const versions = await payload.findVersions({
      collection,
      where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'draft' } }] },
      limit: 1,
      sort: '-updatedAt',
    })
    const refused = await rest('POST', `/${collection}/versions/${versions.docs[0]!.id}`, tokens.editor!)
    expect(refused.status).toBe(403)
    expect(JSON.stringify(await refused.json())).toContain('needs the publisher role')
    expect((await rest('POST', `/${collection}/versions/${versions.docs[0]!.id}?draft=true`, tokens.editor!)).status).toBe(200)
    expect(await liveRow(collection, id, field)).toEqual({ status: 'published', text: live })
  })

  test('DELETE is refused and the document stays live', async () => {
    const { id, field, live } = await publishedDoc(collection)
    const response = await rest('DELETE', `/${collection}/${id}`, tokens.editor!)
    expect(response.status).toBe(403)
    expect(await liveRow(collection, id, field)).toEqual({ status: 'published', text: live })
  })

  test('the Local API with overrideAccess: false saves a draft, never the live row', async () => {
    const { id, field, live } = await publishedDoc(collection)
    const editor = (await payload.find({ collection: 'users', where: { email: { equals: 'editor@lumopay.local' } } })).docs[0]!
    const as = { overrideAccess: false, user: { ...editor, collection: 'users' as const } }
    await payload.update({ collection, id, data: { [field]: 'Local deface' } as never, ...as })
    await payload.update({ collection, id, data: { _status: 'draft' } as never, draft: false, ...as })
    await expect(payload.update({ collection, id, data: { _status: 'published' } as never, ...as })).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ collection, id, ...as })).rejects.toMatchObject({ status: 403 })
    expect(await liveRow(collection, id, field)).toEqual({ status: 'published', text: live })
  })

  test('a duplicate of it starts as a draft that the site does not show', async () => {
    const { id } = await publishedDoc(collection)
    const response = await rest('POST', `/${collection}/${id}/duplicate`, tokens.editor!, { slug: `copy-of-${collection}` })
    expect(response.status).toBeLessThan(300)
    const copy = ((await response.json()) as { doc: { id: number | string } }).doc
    expect((await payload.findByID({ collection, id: copy.id, depth: 0, draft: false }))._status).toBe('draft')
  })
})

describe('an editor over GraphQL', () => {
  test('updating a live Q&A saves a draft; unpublishing and deleting it change nothing live', async () => {
    const { id, field, live } = await publishedDoc('qas')
    const update = await graphql(`mutation { updateQa(id: ${id}, data: { question: "GraphQL deface" }) { id } }`, tokens.editor!)
    expect(update.errors).toBeUndefined()
    await graphql(`mutation { updateQa(id: ${id}, draft: false, data: { _status: draft }) { id } }`, tokens.editor!)
    const publish = await graphql(
      `mutation { updateQa(id: ${id}, data: { question: "Live from GraphQL", _status: published }) { id } }`,
      tokens.editor!,
    )
    expect(publish.errors?.[0]?.message).toMatch(/not allowed/i)
    const remove = await graphql(`mutation { deleteQa(id: ${id}) { id } }`, tokens.editor!)
    expect(remove.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(await liveRow('qas', id, field)).toEqual({ status: 'published', text: live })
  })

  test('a refused GraphQL mutation is logged as one info line naming the refusal, not as an error with a stack', async () => {
    const lines = await logLinesDuring(payload, async () => {
      const { id } = await publishedDoc('qas')
      const remove = await graphql(`mutation { deleteQa(id: ${id}) { id } }`, tokens.editor!)
      expect(remove.errors?.[0]?.message).toMatch(/not allowed/i)
    })
    expect(lines.filter((line) => (line.level as number) >= 50)).toEqual([])
    expect(lines).toContainEqual(expect.objectContaining({ level: 30, status: 403, error: 'Forbidden' }))
    expect(lines.some((line) => 'err' in line || 'stack' in line)).toBe(false)
  })
})

describe('content without drafts is live at once: only publishers write it', () => {
  test('an editor cannot create, rename or delete a Q&A category; a publisher can rename one', async () => {
    const category = (await payload.find({ collection: 'qa-categories', where: { tenant: { equals: lumopay } }, limit: 1, locale: 'en' }))
      .docs[0]!
    expect((await rest('PATCH', `/qa-categories/${category.id}`, tokens.editor!, { name: 'Defaced' })).status).toBe(403)
    expect((await rest('POST', '/qa-categories', tokens.editor!, { tenant: lumopay, name: 'Spam', slug: 'spam', order: 1 })).status).toBe(
      403,
    )
    expect((await rest('DELETE', `/qa-categories/${category.id}`, tokens.editor!)).status).toBe(403)
    const renamed = await graphql(
      `mutation { updateQaCategory(id: ${category.id}, data: { name: "GraphQL deface" }) { id } }`,
      tokens.editor!,
    )
    expect(renamed.errors?.[0]?.message).toMatch(/not allowed/i)
    expect((await payload.findByID({ collection: 'qa-categories', id: category.id, locale: 'en' })).name).toBe(category.name)
    expect((await rest('PATCH', `/qa-categories/${category.id}`, tokens.publisher!, { name: `${category.name} ` })).status).toBe(200)
  })

  test('an editor can upload an image but cannot change or delete one that pages use', async () => {
    const used = (await payload.find({ collection: 'media', where: { tenant: { equals: lumopay } }, limit: 1, locale: 'en' })).docs[0]!
    expect((await rest('PATCH', `/media/${used.id}`, tokens.editor!, { alt: 'Defaced' })).status).toBe(403)
    expect((await rest('DELETE', `/media/${used.id}`, tokens.editor!)).status).toBe(403)
    expect((await payload.findByID({ collection: 'media', id: used.id, locale: 'en' })).alt).toBe(used.alt)
    const form = new FormData()
    form.append(
      'file',
      new Blob([Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>')], { type: 'image/svg+xml' }),
      'new.svg',
    )
    form.append('_payload', JSON.stringify({ tenant: lumopay, alt: 'A new step picture' }))
    const { handleEndpoints } = await import('payload')
    const config = (await import('../../cms/payload.config')).default
    const upload = await handleEndpoints({
      config,
      request: new Request('http://localhost/api/media', {
        method: 'POST',
        headers: { Authorization: `JWT ${tokens.editor}` },
        body: form,
      }),
    })
    expect(upload.status).toBe(201)
  })

  test('an editor cannot change the MPP itself (brand, locales)', async () => {
    expect((await rest('PATCH', `/tenants/${lumopay}`, tokens.editor!, { name: 'Defaced' })).status).toBe(403)
    expect((await rest('PATCH', `/tenants/${lumopay}`, tokens.publisher!, { name: 'Defaced' })).status).toBe(403)
    expect((await payload.findByID({ collection: 'tenants', id: lumopay })).name).not.toBe('Defaced')
  })
})

describe("the editor's own account over GraphQL, as an attacker holding an editor's token would try it", () => {
  test('updateUser on its own id with a super-admin role and publisher rows in two MPPs changes nothing; another user is refused', async () => {
    const { demoEditor, demoPublisher, demoPassword } = await import('../../cms/seed')
    const user = async (email: string) =>
      (await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })).docs[0]!
    const me = await user(demoEditor('lumopay'))
    const nakhla = (await payload.find({ collection: 'tenants', where: { slug: { equals: 'nakhla' } } })).docs[0]!.id
    const attack = await graphql(
      `mutation { updateUser(id: ${me.id}, data: { role: super_admin, tenants: [{ tenant: ${lumopay}, role: publisher }, { tenant: ${nakhla}, role: publisher }] }) { id role } }`,
      tokens.editor!,
    )
    // GraphQL answers with the account as stored: the fields the editor may not write were dropped.
    expect(attack.errors).toBeUndefined()
    expect(attack.data?.updateUser).toEqual({ id: me.id, role: 'editor' })
    const stored = await payload.findByID({ collection: 'users', id: me.id, depth: 0 })
    expect(stored.role).toBe('editor')
    expect(stored.tenants?.map((row) => [row.tenant, row.role])).toEqual([[lumopay, 'editor']])
    // Signing in again gives a token with no new power: publishing is still refused.
    const fresh = (await payload.login({ collection: 'users', data: { email: me.email, password: demoPassword.editor } })).token!
    const { id } = await publishedDoc('qas')
    const publish = await graphql(`mutation { updateQa(id: ${id}, data: { _status: published }) { id } }`, fresh)
    expect(publish.errors?.[0]?.message).toMatch(/not allowed/i)

    const publisher = await user(demoPublisher('lumopay'))
    const other = await graphql(`mutation { updateUser(id: ${publisher.id}, data: { role: super_admin }) { id } }`, tokens.editor!)
    expect(other.errors?.[0]?.message).toMatch(/not allowed/i)
    expect((await payload.findByID({ collection: 'users', id: publisher.id, depth: 0 })).role).toBe('editor')
  })
})
