import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

import { parseSnapshot, type Snapshot } from '../../content/schema'
import { rootDir } from '../../cms/env'

export const contentDir = join(rootDir, 'content', 'tenants')
/** The image files content/ snapshots name, by file name. */
export const contentMediaDir = join(rootDir, 'content', 'media')

/** Reads and validates every snapshot in a folder; the first bad file throws, naming the file and the fields. */
export function readSnapshots(dir = contentDir): Snapshot[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(dir, name)
      const source = relative(process.cwd(), file) || file
      let data: unknown
      try {
        data = JSON.parse(readFileSync(file, 'utf8'))
      } catch (error) {
        throw new Error(`${source} is not valid JSON: ${(error as Error).message}`)
      }
      return parseSnapshot(data, source)
    })
}
