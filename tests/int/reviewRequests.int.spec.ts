import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'
import { jwtClients, type GraphqlAnswer } from '../helpers/jwtApi'

// Review requests as an attacker would probe them: REST with a JWT, from another MPP and from a
// colleague in the same MPP, forging the body, every verb, by id and by query; GraphQL too.
const database = useTestDatabase('reviews')

type Answer = { status: number; body: any }
let payload: Payload
let rest: (method: string, path: string, token: string, body?: unknown) => Promise<Answer>
let graphql: (query: string, token: string) => Promise<GraphqlAnswer>
const tokens: Record<string, string> = {}
const ids: Record<string, number | string> = {}

beforeAll(async () => {
  const { demoPassword, demoEditor, demoPublisher } = await import('../../cms/seed')
  const config = (await import('../../cms/payload.config')).default
  payload = await openSeededCms({ demoUsers: true })
  const tenantId = async (slug: string) => (await payload.find({ collection: 'tenants', where: { slug: { equals: slug } } })).docs[0]!.id
  ids.lumopay = await tenantId('lumopay')
  ids.hoshi = await tenantId('hoshi')
  const colleague = await payload.create({
    collection: 'users',
    data: {
      email: 'second-editor@lumopay.local',
      password: 'second-editor',
      role: 'editor',
      tenants: [{ tenant: ids.lumopay, role: 'editor' }],
    },
  })
  ids.colleague = colleague.id
  const login = async (email: string, password: string) => {
    const result = await payload.login({ collection: 'users', data: { email, password } })
    return { token: result.token!, id: result.user!.id }
  }
  const users = {
    editor: await login(demoEditor('lumopay'), demoPassword.editor),
    publisher: await login(demoPublisher('lumopay'), demoPassword.publisher),
    colleague: await login('second-editor@lumopay.local', 'second-editor'),
    foreignEditor: await login(demoEditor('hoshi'), demoPassword.editor),
    foreignPublisher: await login(demoPublisher('hoshi'), demoPassword.publisher),
  }
  for (const [name, { token, id }] of Object.entries(users)) {
    tokens[name] = token
    ids[name] = id
  }
  const clients = await jwtClients(config)
  rest = async (method, path, token, body) => {
    const response = await clients.rest(method, path, token, body)
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }
  graphql = clients.graphql
  const qa = await payload.find({ collection: 'qas', where: { tenant: { equals: ids.lumopay } }, limit: 1, depth: 0 })
  ids.qa = qa.docs[0]!.id
  // The lumopay editor's draft of a live Q&A: what they ask a publisher to review.
  const draft = await rest('PATCH', `/qas/${ids.qa}?draft=true&locale=en`, tokens.editor!, { question: 'When does my refund arrive?' })
  expect(draft.status).toBe(200)
})

afterAll(async () => {
  await releaseTestDatabase(database, payload)
})

/** The review requests stored for the lumopay Q&A, as the server sees them. */
async function requestsForQa() {
  const { docs } = await payload.find({
    collection: 'review-requests',
    where: { and: [{ collection: { equals: 'qas' } }, { document: { equals: String(ids.qa) } }] },
    depth: 0,
  })
  return docs
}

async function requestAsEditor() {
  const created = await rest('POST', '/review-requests', tokens.editor!, { collection: 'qas', document: String(ids.qa) })
  expect(created.status).toBe(201)
  return created.body.doc.id as number | string
}

describe('review requests', () => {
  test("an editor's request is filed in their own name and MPP, whatever the body claims", async () => {
    const created = await rest('POST', '/review-requests', tokens.editor!, {
      collection: 'qas',
      document: String(ids.qa),
      tenant: ids.hoshi,
      requestedBy: ids.publisher,
      title: 'Forged title',
      note: 'Please check the new wording.',
    })
    expect(created.status).toBe(201)
    const [stored] = await requestsForQa()
    expect(stored).toMatchObject({
      tenant: ids.lumopay,
      requestedBy: ids.editor,
      title: 'When does my refund arrive?',
      note: 'Please check the new wording.',
    })
  })

  test('a second request for the same document is refused with 409', async () => {
    const again = await rest('POST', '/review-requests', tokens.colleague!, { collection: 'qas', document: String(ids.qa) })
    expect(again.status).toBe(409)
    expect(await requestsForQa()).toHaveLength(1)
  })

  test("an editor of another MPP cannot file a request for this MPP's document, naming its tenant or not", async () => {
    for (const body of [
      { collection: 'qas', document: String(ids.qa) },
      { collection: 'qas', document: String(ids.qa), tenant: ids.lumopay },
    ]) {
      const refused = await rest('POST', '/review-requests', tokens.foreignEditor!, body)
      expect([403, 404]).toContain(refused.status)
    }
    expect(await requestsForQa()).toHaveLength(1)
  })

  test("another MPP's editor and publisher neither see, change nor withdraw the request, by id or by query", async () => {
    const [request] = await requestsForQa()
    for (const token of [tokens.foreignEditor!, tokens.foreignPublisher!]) {
      const list = await rest('GET', '/review-requests?limit=0&depth=0', token)
      expect(list.status).toBe(200)
      expect(list.body.docs).toEqual([])
      expect((await rest('GET', `/review-requests/${request!.id}`, token)).status).toBe(404)
      const patched = await rest('PATCH', `/review-requests/${request!.id}`, token, { note: 'Ignore this', document: '1' })
      expect([403, 404]).toContain(patched.status)
      expect([403, 404]).toContain((await rest('DELETE', `/review-requests/${request!.id}`, token)).status)
      await rest('DELETE', '/review-requests?where[id][exists]=true', token)
      const mutation = await graphql(`mutation { deleteReviewRequest(id: ${request!.id}) { id } }`, token)
      expect(mutation.errors?.length).toBeGreaterThan(0)
    }
    const [after] = await requestsForQa()
    expect(after).toMatchObject({ id: request!.id, note: 'Please check the new wording.', requestedBy: ids.editor })
  })

  test('nobody edits a request, not even the editor who filed it', async () => {
    const [request] = await requestsForQa()
    const patched = await rest('PATCH', `/review-requests/${request!.id}`, tokens.editor!, { requestedBy: ids.colleague, note: 'Changed' })
    expect(patched.status).toBe(403)
    expect((await requestsForQa())[0]).toMatchObject({ requestedBy: ids.editor, note: 'Please check the new wording.' })
  })

  test("a colleague in the same MPP cannot withdraw another editor's request; the editor who filed it can", async () => {
    const [request] = await requestsForQa()
    expect([403, 404]).toContain((await rest('DELETE', `/review-requests/${request!.id}`, tokens.colleague!)).status)
    await rest('DELETE', '/review-requests?where[collection][equals]=qas', tokens.colleague!)
    expect(await requestsForQa()).toHaveLength(1)
    expect((await rest('DELETE', `/review-requests/${request!.id}`, tokens.editor!)).status).toBe(200)
    expect(await requestsForQa()).toHaveLength(0)
  })

  test("an editor's further draft saves leave the request in the queue; the MPP's publisher publishing clears it", async () => {
    await requestAsEditor()
    const saved = await rest('PATCH', `/qas/${ids.qa}?draft=true&locale=en`, tokens.editor!, { question: 'When will my refund arrive?' })
    expect(saved.status).toBe(200)
    expect(await requestsForQa()).toHaveLength(1)
    const published = await rest('PATCH', `/qas/${ids.qa}?locale=en`, tokens.publisher!, { _status: 'published' })
    expect(published.status).toBe(200)
    expect(await requestsForQa()).toHaveLength(0)
    const live = await payload.findByID({ collection: 'qas', id: ids.qa, locale: 'en', depth: 0, draft: false })
    expect(live.question).toBe('When will my refund arrive?')
  })

  test('an editor trying to publish, to clear the request that way, is refused and the request stays', async () => {
    await requestAsEditor()
    const refused = await rest('PATCH', `/qas/${ids.qa}?locale=en`, tokens.editor!, { _status: 'published' })
    expect(refused.status).toBe(403)
    expect(await requestsForQa()).toHaveLength(1)
  })
})
