import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { parseSnapshot, type Snapshot } from '../../content/schema'

/** A demo tenant's snapshot from content/, the same content the running Center was seeded with. */
export const contentSnapshot = (slug: string): Snapshot =>
  parseSnapshot(
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'tenants', `${slug}.json`), 'utf8')),
    `${slug}.json`,
  )
