import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

import { parseSnapshot, type Snapshot } from './schema'

/** The repository root: the nearest folder above the working directory whose package.json is Center's. */
export function findRoot(from: string): string {
  let dir = resolve(from)
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'center') return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`Cannot find Center's package.json above ${from}`)
    dir = parent
  }
}

export const rootDir = findRoot(process.cwd())

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
        throw new Error(`${source} is not valid JSON: ${(error as Error).message}`, { cause: error })
      }
      return parseSnapshot(data, source)
    })
}
