import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

import { rootDir } from '../content/files'

export { findRoot, rootDir } from '../content/files'

// @payloadcms/storage-s3 is published up to 3.90.1 while the other Payload packages are at 3.90.2.
// npm overrides (package.json) make it share the one copy of payload and @payloadcms/ui, which
// tests/unit/dependencies.spec.ts checks; Payload's check that every package has the same version
// would otherwise refuse to start outside production.
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER ??= 'true'

/** Where local state lives: the SQLite file, the secret, snapshots and site builds. */
export const dataDir = resolve(rootDir, process.env.CENTER_DATA_DIR ?? '.data')
/** Uploaded images (the Media collection's files) on local disk. */
export const mediaDir = join(dataDir, 'media')

/**
 * PAYLOAD_SECRET from the environment; on a developer machine, a random one kept in the
 * data folder so sessions survive restarts. Production must set the variable.
 */
export function payloadSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  if (process.env.NODE_ENV === 'production') {
    throw new Error('PAYLOAD_SECRET must be set in production')
  }
  const file = join(dataDir, 'payload-secret')
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}
