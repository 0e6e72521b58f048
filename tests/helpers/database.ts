import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Payload } from 'payload'
import { inject } from 'vitest'

/** Why MongoDB-only tests are skipped on a machine without a MongoDB server. */
export const noMongoReason = 'MONGODB_URL is not set: no MongoDB server on this machine'

/** The MongoDB server the integration suite runs against, when MONGODB_URL names one. */
export const mongoUrl = (env: Record<string, string | undefined> = process.env): string | undefined => env.MONGODB_URL || undefined

/**
 * A fresh database for one spec file: a uniquely named database on MONGODB_URL's server when it
 * is set (its query, e.g. `?replicaSet=rs0`, kept), otherwise a SQLite file in `dir`.
 */
export function testDatabaseUrl(name: string, dir: string, mongo = mongoUrl()): string {
  if (!mongo) return `file:${join(dir, 'center.db')}`
  // Not `new URL`: a replica set's host list (`a:27017,b:27017`) is no valid URL host.
  const parts = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(mongo)
  if (!parts) throw new Error(`MONGODB_URL must look like mongodb://host[:port][/db][?options], not "${mongo}"`)
  const database = `center_test_${name.replace(/\W+/g, '_')}_${randomBytes(4).toString('hex')}`
  return `${parts[1]}/${database}${parts[2] ?? ''}`
}

export type TestDatabase = {
  dataDir: string
  databaseUrl: string
  onMongo: boolean
  env: { CENTER_DATA_DIR: string; DATABASE_URL: string }
}

/**
 * Gives a spec file its own data folder and database, and points this process at them
 * (CENTER_DATA_DIR, DATABASE_URL) before the CMS is imported. `env` is the same for child processes.
 */
export function useTestDatabase(name: string): TestDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), `center-${name}-`))
  const databaseUrl = testDatabaseUrl(name, dataDir)
  const env = { CENTER_DATA_DIR: dataDir, DATABASE_URL: databaseUrl }
  Object.assign(process.env, env)
  return { dataDir, databaseUrl, onMongo: databaseUrl.startsWith('mongodb'), env }
}

/** Ends a spec file's database: drops it on MongoDB (a server outlives the test), closes the CMS, removes the data folder. */
export async function releaseTestDatabase(database: TestDatabase, payload?: Payload): Promise<void> {
  if (database.onMongo) {
    // A spec that only ran child processes opens the CMS here, to reach the database it filled.
    const cms = payload ?? (await (await import('../../scripts/lib/cms')).openCms())
    const { connection } = cms.db as unknown as { connection: { dropDatabase: () => Promise<unknown> } }
    await connection.dropDatabase()
    if (!payload) await cms.destroy()
  }
  await payload?.destroy()
  // A child process of the spec that is still exiting can write one last file (a CI run saw
  // payload-secret reappear: ENOTEMPTY); Node retries the removal for that case.
  rmSync(database.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
}

/**
 * Fills this spec's data folder with a copy of the run's seeded template (tests/int/seededTemplate.ts):
 * the demo content and users as `center seed` writes them. Answers false where the run made no
 * template (on MongoDB), and the spec must seed itself.
 */
export function copySeededTemplate(dataDir = process.env.CENTER_DATA_DIR!): boolean {
  const template = inject('seededDataDir')
  if (!template) return false
  cpSync(template, dataDir, { recursive: true })
  return true
}

/** Opens the CMS on this spec's database, migrated, with the demo content of content/ seeded (from the template where there is one). */
export async function openSeededCms(options: { demoUsers: boolean }): Promise<Payload> {
  const { openCms } = await import('../../scripts/lib/cms')
  if (copySeededTemplate()) {
    const payload = await openCms()
    // The template has the demo users; a spec without them gets none.
    if (!options.demoUsers) await payload.delete({ collection: 'users', where: { id: { exists: true } } })
    return payload
  }
  const { seed } = await import('../../cms/seed')
  const { readSnapshots } = await import('../../content/files')
  const payload = await openCms()
  await seed(payload, readSnapshots(), options)
  return payload
}
