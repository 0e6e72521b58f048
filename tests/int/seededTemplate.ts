import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

import { runCenter } from '../helpers/center'
import { mongoUrl, testDatabaseUrl } from '../helpers/database'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data folder `center seed` filled with the demo content and users, for specs to copy (SQLite only). */
    seededDataDir: string
  }
}

/**
 * Seeds the demo content once per run with `center seed`, so each spec that needs a seeded CMS
 * copies a database file (well under a second) instead of seeding its own (about 20 s here).
 * On MongoDB each spec seeds its own database, as before.
 */
export default async function setup(project: TestProject) {
  if (mongoUrl()) return
  const dir = mkdtempSync(join(tmpdir(), 'center-seeded-'))
  // The int project's env (sandbox keys, quiet logs) does not reach a global setup: `center seed` gets it here.
  const env = { CENTER_DATA_DIR: dir, DATABASE_URL: testDatabaseUrl('template', dir), CENTER_SANDBOX: '1', LOG_LEVEL: 'warn' }
  const run = await runCenter(['seed'], env)
  if (run.code !== 0) throw new Error(`center seed failed for the integration tests' template:\n${run.stdout}\n${run.stderr}`)
  project.provide('seededDataDir', dir)
  return () => rmSync(dir, { recursive: true, force: true })
}
