import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { resolveMedia } from '../../../content/media'
import { parseSnapshot, type Snapshot } from '../../../content/schema'

let loaded: Snapshot[] | undefined

/**
 * The snapshots this build renders: the file CENTER_SNAPSHOT names (written by `center build`
 * from the CMS), or else every tenant in content/, so the site also builds with no CMS at all.
 * Images missing from the media folder are left out, with one warning each per build.
 */
export function loadSnapshots(): Snapshot[] {
  if (loaded) return loaded
  const file = process.env.CENTER_SNAPSHOT
  const files = file ? [file] : contentFiles()
  loaded = files.map((path) => {
    const { snapshot, warnings } = resolveMedia(parseSnapshot(JSON.parse(readFileSync(path, 'utf8')), path), (name) =>
      existsSync(join(mediaDir(), name)),
    )
    for (const warning of warnings) console.warn(`Build warning: ${warning}`)
    return snapshot
  })
  return loaded
}

/** The folder the snapshots' image files are read from: CENTER_MEDIA_DIR, else content/media. */
export const mediaDir = () => process.env.CENTER_MEDIA_DIR ?? join(process.cwd(), 'content', 'media')

function contentFiles(): string[] {
  const dir = join(process.cwd(), 'content', 'tenants')
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name))
}
