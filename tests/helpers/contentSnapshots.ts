import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { parseSnapshot, type Snapshot } from '../../content/schema'

/** A demo tenant's snapshot from content/, the same content the running Center was seeded with. */
export const contentSnapshot = (slug: string): Snapshot =>
  parseSnapshot(
    JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'content', 'tenants', `${slug}.json`), 'utf8')),
    `${slug}.json`,
  )

/**
 * A snapshot with its lists in a stable order, to compare content regardless of how it was queried.
 * Campaign dates are left out: seeding makes campaigns live for a year from the day it runs.
 */
export const comparable = (s: Snapshot) => ({
  ...s,
  campaigns: [...s.campaigns].map(({ startsAt: _starts, endsAt: _ends, ...rest }) => rest).sort((a, b) => a.slug.localeCompare(b.slug)),
  categories: [...s.categories].sort((a, b) => a.slug.localeCompare(b.slug)),
  guides: [...s.guides].sort((a, b) => a.slug.localeCompare(b.slug)),
  qas: [...s.qas].sort((a, b) => a.slug.localeCompare(b.slug)),
  media: [...s.media].sort((a, b) => a.file.localeCompare(b.file)),
})
