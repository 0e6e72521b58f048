import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { parseSnapshot, type Snapshot } from '../../../content/schema'

/**
 * The snapshots this build renders: the file CENTER_SNAPSHOT names (written by `center build`
 * from the CMS), or else every tenant in content/, so the site also builds with no CMS at all.
 */
export function loadSnapshots(): Snapshot[] {
  const file = process.env.CENTER_SNAPSHOT
  const files = file ? [file] : contentFiles()
  return files.map((path) => parseSnapshot(JSON.parse(readFileSync(path, 'utf8')), path))
}

function contentFiles(): string[] {
  const dir = join(process.cwd(), 'content', 'tenants')
  return readdirSync(dir).filter((name) => name.endsWith('.json')).sort().map((name) => join(dir, name))
}
