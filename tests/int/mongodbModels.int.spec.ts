import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getPayload, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

// Runs everywhere, with no MongoDB server: Payload compiles its MongoDB models on an unopened
// connection, so the config's collections, localized fields and indexes are checked on MongoDB's
// terms even where MONGODB_URL is not set. Port 1 makes sure nothing could answer anyway.
const dataDir = mkdtempSync(join(tmpdir(), 'center-mongodb-models-'))
process.env.CENTER_DATA_DIR = dataDir
process.env.DATABASE_URL = 'mongodb://127.0.0.1:1/center_models'

let payload: Payload

beforeAll(async () => {
  const { default: config } = await import('../../cms/payload.config')
  payload = await getPayload({ config, disableDBConnect: true, disableOnInit: true })
})

afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

type Model = { schema: { indexes: () => [Record<string, unknown>, Record<string, unknown>][] } }
/** Whether a model's schema has a unique index on exactly these fields. */
const hasUniqueIndex = (model: Model, fields: string[]) =>
  model.schema.indexes().some(([keys, options]) => options.unique === true && Object.keys(keys).sort().join() === [...fields].sort().join())

describe('the MongoDB adapter, without a server', () => {
  test('a mongodb:// DATABASE_URL selects the MongoDB adapter, with a model for every collection', () => {
    expect(payload.db.name).toBe('mongoose')
    const models = (payload.db as unknown as { collections: Record<string, Model> }).collections
    for (const collection of payload.config.collections) expect(models[collection.slug], collection.slug).toBeDefined()
  })

  test('the unique indexes that refuse replayed webhooks and duplicate tenant slugs exist on MongoDB too', () => {
    const models = (payload.db as unknown as { collections: Record<string, Model> }).collections
    expect(hasUniqueIndex(models['webhook-deliveries']!, ['key'])).toBe(true)
    expect(hasUniqueIndex(models.tenants!, ['slug'])).toBe(true)
  })
})
