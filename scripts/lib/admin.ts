import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

import { rootDir } from '../../cms/env'
import { run } from '../../cms/publish/buildSite'

export const cmsDir = join(rootDir, 'cms')
export const nextBin = join(rootDir, 'node_modules', 'next', 'dist', 'bin', 'next')
const stampFile = join(cmsDir, '.next', 'center-source-hash')

/** A hash of everything the admin's Next build depends on: the CMS sources, the build scripts it bundles, the content schema and the lock file. */
export function adminSourceHash(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      // Demo content and its images are data the admin does not bundle.
      if (['.next', 'node_modules', 'tenants', 'media'].includes(name)) continue
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else hash.update(relative(rootDir, path)).update(readFileSync(path))
    }
  }
  walk(cmsDir)
  // The CMS bundles what it imports: the contract layer and the MPP contract.
  for (const dir of ['content', join('mpp', 'contract')]) walk(join(rootDir, dir))
  hash.update('package-lock.json').update(readFileSync(join(rootDir, 'package-lock.json')))
  return hash.digest('hex')
}

/** Builds the admin's Next app unless the last build came from the same sources. */
export async function ensureAdminBuilt(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const hash = adminSourceHash()
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return
  log('Building the CMS admin (next build, about a minute the first time)…')
  await run(process.execPath, [nextBin, 'build'], { cwd: cmsDir, env: { ...env, NEXT_TELEMETRY_DISABLED: '1' }, quiet: true })
  writeFileSync(stampFile, hash)
}
