import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

import type { User } from '../../cms/payload-types'
import { asker, type AskIndex } from '../../content/ask'
import type { Snapshot } from '../../content/schema'
import { searchFile } from '../../site/src/lib/searchIndex'
import { openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'
import { callRest, type Answer } from '../helpers/restRoute'

vi.mock('@payload-config', async () => ({ default: (await import('../../cms/payload.config')).default }))

// Synonyms change what the live ask box answers: an editor's write must never reach it, only a
// publisher's, and another MPP's people must not see or touch them. Called as an attacker would:
// REST with every verb and `draft` flag, and the Local API with access on.
const database = useTestDatabase('ask-synonyms')

let payload: Payload
let exportSnapshot: typeof import('../../cms/publish/exportSnapshot').exportSnapshot
const tokens: Record<string, string> = {}
const users: Record<string, User> = {}
let lumopay: number | string
const question = 'Can I pay for my Muvmi with it?'

beforeAll(async () => {
  payload = await openSeededCms({ demoUsers: true })
  ;({ exportSnapshot } = await import('../../cms/publish/exportSnapshot'))
  const { demoEditor, demoPassword, demoPublisher } = await import('../../cms/seed')
  lumopay = (await payload.find({ collection: 'tenants', where: { slug: { equals: 'lumopay' } } })).docs[0]!.id
  const accounts = {
    editor: [demoEditor('lumopay'), demoPassword.editor],
    publisher: [demoPublisher('lumopay'), demoPassword.publisher],
    otherEditor: [demoEditor('hoshi'), demoPassword.editor],
    otherPublisher: [demoPublisher('hoshi'), demoPassword.publisher],
  } as const
  for (const [who, [email, password]] of Object.entries(accounts)) {
    const { token, user } = await payload.login({ collection: 'users', data: { email, password } })
    tokens[who] = token!
    users[who] = user!
  }
})

afterAll(async () => {
  await releaseTestDatabase(database, payload)
})

/** A REST call to the CMS's route with a signed-in user's JWT. */
const rest = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, who: string, body?: unknown): Promise<Answer> =>
  callRest(method, `/api${path}`, {
    headers: { Authorization: `JWT ${tokens[who]}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

/** Local API calls as this user, with access rules applied. */
const as = (who: string) => ({ overrideAccess: false, user: { ...users[who]!, collection: 'users' as const } })

/** The groups lumopay's next build would ship. */
const exported = async () => (await exportSnapshot(payload, 'lumopay')).synonyms

/** What lumopay's English ask box would answer after its next build. */
const answer = async (snapshot?: Snapshot) =>
  asker(JSON.parse(JSON.stringify(searchFile(snapshot ?? (await exportSnapshot(payload, 'lumopay')), 'en'))) as AskIndex)(question).match

/** Rebuilds of lumopay waiting to run. */
const queuedBuilds = async () =>
  (await payload.count({ collection: 'builds', where: { and: [{ tenant: { equals: lumopay } }, { state: { equals: 'queued' } }] } }))
    .totalDocs

const muvmi = () => ({ tenant: lumopay, name: 'Ride apps in Bangkok', locale: 'en', concept: 'rideHailing', phrases: ['Muvmi'] })

describe("an editor's groups are drafts until a publisher publishes them", () => {
  let id: number | string

  test('an editor creates a group, even asking to publish it: it is a draft, and the export leaves it out', async () => {
    await payload.delete({ collection: 'builds', where: { tenant: { equals: lumopay } } })
    const created = await rest('POST', '/synonyms', 'editor', muvmi())
    expect(created.status).toBe(201)
    id = created.body.doc.id
    expect(created.body.doc._status).toBe('draft')
    for (const query of ['', '?draft=false']) {
      const asksToPublish = await rest('POST', `/synonyms${query}`, 'editor', { ...muvmi(), _status: 'published' })
      expect(asksToPublish.status).toBe(201)
      expect(asksToPublish.body.doc._status).toBe('draft')
    }
    expect(await exported()).toEqual([])
    expect(await answer()).toBeNull()
    // A draft of something never published cannot change the live site: nothing to rebuild.
    expect(await queuedBuilds()).toBe(0)
  })

  test('an editor cannot publish it, over REST or the Local API', async () => {
    expect((await rest('PATCH', `/synonyms/${id}`, 'editor', { _status: 'published' })).status).toBe(403)
    expect((await rest('PATCH', `/synonyms/${id}?draft=false`, 'editor', { _status: 'published' })).status).toBe(403)
    await expect(payload.update({ collection: 'synonyms', id, data: { _status: 'published' }, ...as('editor') })).rejects.toMatchObject({
      status: 403,
    })
    expect(await exported()).toEqual([])
  })

  test('a publisher publishes it: the export carries it, a rebuild is queued, and the ask box answers with the taxi Q&A', async () => {
    const published = await rest('PATCH', `/synonyms/${id}`, 'publisher', { _status: 'published' })
    expect(published.status).toBe(200)
    expect(await exported()).toEqual([{ locale: 'en', concept: 'rideHailing', phrases: ['Muvmi'] }])
    expect(await queuedBuilds()).toBe(1)
    expect(await answer()).toBe('pay-taxis-and-transit')
  })

  test.each(['', '?draft=false', '?draft=true'])(
    'an editor PATCH%s with new phrases saves a draft and leaves the published group as it was',
    async (query) => {
      const response = await rest('PATCH', `/synonyms/${id}${query}`, 'editor', { phrases: ['Muvmi', `defaced${query.length}`] })
      expect(response.status).toBe(200)
      expect(await exported()).toEqual([{ locale: 'en', concept: 'rideHailing', phrases: ['Muvmi'] }])
      const draft = await payload.findByID({ collection: 'synonyms', id, draft: true, depth: 0 })
      expect(draft.phrases).toEqual(['Muvmi', `defaced${query.length}`])
    },
  )

  test('an editor cannot restore an old version over it, except as a draft', async () => {
    const versions = await payload.findVersions({ collection: 'synonyms', where: { parent: { equals: id } }, sort: 'createdAt', limit: 1 })
    const refused = await rest('POST', `/synonyms/versions/${versions.docs[0]!.id}`, 'editor')
    expect(refused.status).toBe(403)
    expect((await rest('POST', `/synonyms/versions/${versions.docs[0]!.id}?draft=true`, 'editor')).status).toBe(200)
    expect(await exported()).toEqual([{ locale: 'en', concept: 'rideHailing', phrases: ['Muvmi'] }])
  })

  test('an editor cannot unpublish or delete it, over REST or the Local API', async () => {
    for (const query of ['', '?draft=false', '?draft=true', '?unpublishAllLocales=true'])
      await rest('PATCH', `/synonyms/${id}${query}`, 'editor', { _status: 'draft' })
    await rest('PATCH', `/synonyms?where[id][equals]=${id}`, 'editor', { _status: 'draft', phrases: ['Bulk', 'deface'] })
    await payload.update({ collection: 'synonyms', id, data: { _status: 'draft' }, draft: false, ...as('editor') })
    expect((await rest('DELETE', `/synonyms/${id}`, 'editor')).status).toBe(403)
    expect((await rest('DELETE', `/synonyms?where[id][equals]=${id}`, 'editor')).body.docs ?? []).toEqual([])
    await expect(payload.delete({ collection: 'synonyms', id, ...as('editor') })).rejects.toMatchObject({ status: 403 })
    expect(await exported()).toEqual([{ locale: 'en', concept: 'rideHailing', phrases: ['Muvmi'] }])
  })

  test('over GraphQL, an editor saves a draft and can neither publish, unpublish nor delete it', async () => {
    const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
    const config = (await import('../../cms/payload.config')).default
    const graphql = async (query: string) =>
      (
        await GRAPHQL_POST(config)(
          new Request('http://localhost/api/graphql', {
            method: 'POST',
            headers: { Authorization: `JWT ${tokens.editor}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ query }),
          }),
        )
      ).json() as Promise<{ errors?: { message: string }[] }>
    const saved = await graphql(`mutation { updateSynonym(id: ${id}, data: { phrases: ["Muvmi", "graphql"] }) { id } }`)
    expect(saved.errors, JSON.stringify(saved.errors)).toBeUndefined()
    await graphql(`mutation { updateSynonym(id: ${id}, draft: false, data: { _status: draft }) { id } }`)
    const publish = await graphql(
      `mutation { updateSynonym(id: ${id}, data: { phrases: ["graphql", "taxi"], _status: published }) { id } }`,
    )
    expect(publish.errors?.[0]?.message).toMatch(/not allowed/i)
    expect((await graphql(`mutation { deleteSynonym(id: ${id}) { id } }`)).errors?.[0]?.message).toMatch(/not allowed/i)
    expect(await exported()).toEqual([{ locale: 'en', concept: 'rideHailing', phrases: ['Muvmi'] }])
  })

  test('a publisher unpublishes it, and deletes it: each time it leaves the export', async () => {
    expect((await rest('PATCH', `/synonyms/${id}`, 'publisher', { _status: 'draft' })).status).toBe(200)
    expect(await exported()).toEqual([])
    expect((await rest('PATCH', `/synonyms/${id}`, 'publisher', { _status: 'published', phrases: ['Muvmi'] })).status).toBe(200)
    expect(await exported()).toHaveLength(1)
    expect((await rest('DELETE', `/synonyms/${id}`, 'publisher')).status).toBe(200)
    expect(await exported()).toEqual([])
  })
})

describe("another MPP's people", () => {
  let id: number | string

  beforeAll(async () => {
    id = (await rest('POST', '/synonyms', 'publisher', { ...muvmi(), _status: 'published' })).body.doc.id
  })

  test.each(['otherEditor', 'otherPublisher'])('%s can neither read nor list the group, with or without draft', async (who) => {
    for (const query of ['', '?draft=true']) {
      expect((await rest('GET', `/synonyms/${id}${query}`, who)).status).toBe(404)
      expect((await rest('GET', `/synonyms${query}`, who)).body.docs).toEqual([])
    }
    expect((await payload.find({ collection: 'synonyms', draft: true, ...as(who) })).docs).toEqual([])
    await expect(payload.findByID({ collection: 'synonyms', id, ...as(who) })).rejects.toMatchObject({ status: 404 })
  })

  test.each(['otherEditor', 'otherPublisher'])('%s can neither change, delete nor add to it', async (who) => {
    for (const query of ['', '?draft=true'])
      expect([403, 404]).toContain((await rest('PATCH', `/synonyms/${id}${query}`, who, { phrases: ['Hijacked', 'taxi'] })).status)
    expect([403, 404]).toContain((await rest('DELETE', `/synonyms/${id}`, who)).status)
    expect((await rest('POST', '/synonyms', who, { ...muvmi(), phrases: ['Hijacked', 'taxi'] })).status).toBe(403)
    const refused = await payload
      .update({ collection: 'synonyms', id, data: { phrases: ['Hijacked', 'taxi'] }, ...as(who) })
      .catch((error) => error)
    expect([403, 404]).toContain(refused.status)
    expect(await exported()).toEqual([{ locale: 'en', concept: 'rideHailing', phrases: ['Muvmi'] }])
    expect((await payload.findByID({ collection: 'synonyms', id, draft: true, depth: 0 })).phrases).toEqual(['Muvmi'])
  })

  test('a group of its own needs two phrases, and no phrase may be blank', async () => {
    const alone = await rest('POST', '/synonyms', 'editor', { tenant: lumopay, locale: 'en', phrases: ['Muvmi'] })
    expect(alone.status).toBe(400)
    expect(alone.body.errors[0].data.errors[0]).toMatchObject({ path: 'phrases', message: expect.stringContaining('two phrases or more') })
    expect((await rest('POST', '/synonyms', 'editor', { ...muvmi(), phrases: ['Muvmi', ' '] })).status).toBe(400)
  })

  test("an anonymous caller reads no draft, and a group of another MPP's locale is refused", async () => {
    const anonymous = await callRest('GET', `/api/synonyms?where[_status][equals]=draft`)
    expect(anonymous.body.docs ?? []).toEqual([])
    const japanese = await rest('POST', '/synonyms', 'publisher', { ...muvmi(), locale: 'ja' })
    expect(japanese.status).toBe(400)
    expect(japanese.body.errors[0].data.errors[0]).toMatchObject({ path: 'locale', message: expect.stringContaining('not in "ja"') })
  })
})
