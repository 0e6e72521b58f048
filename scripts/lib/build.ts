import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'

import type { Snapshot } from '../../content/schema'
import { dataDir, rootDir } from '../../cms/env'
import { resolveMppBaseUrl } from './sandboxOrigin'

export const siteDir = join(dataDir, 'site')
/** The folder the static server serves: one link per tenant to its live build. */
export const liveDir = join(siteDir, 'live')
const buildsDir = join(siteDir, 'builds')
const keepBuilds = 5

/** A sortable build id: the UTC time, then a random suffix. */
export const newBuildId = (now = new Date()) =>
  `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${Math.random().toString(36).slice(2, 6)}`

/** Runs a command, passing its output through to ours; rejects with its output's tail when it fails. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? rootDir, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let tail = ''
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000)
      if (!options.quiet) process.stderr.write(chunk)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${tail}`))))
  })
}

/** The pages a finished build must contain: every enabled locale's home. */
export function missingPages(outDir: string, snapshot: Snapshot): string[] {
  return snapshot.tenant.locales
    .map((locale) => join(snapshot.tenant.slug, locale, 'index.html'))
    .filter((page) => !existsSync(join(outDir, page)))
}

/** Points the tenant's live link at a build in one rename, so readers see the old or the new site, never half of one. */
export function switchLive(slug: string, buildId: string): void {
  mkdirSync(liveDir, { recursive: true })
  const link = join(liveDir, slug)
  const temporary = `${link}.${buildId}.tmp`
  symlinkSync(relative(liveDir, join(buildsDir, slug, buildId, slug)), temporary)
  renameSync(temporary, link)
}

/** Removes all but the newest builds of a tenant; the live one is always among them. */
function pruneBuilds(slug: string): void {
  const dir = join(buildsDir, slug)
  const builds = readdirSync(dir).sort()
  for (const old of builds.slice(0, -keepBuilds)) rmSync(join(dir, old), { recursive: true, force: true })
}

export type BuildResult = { buildId: string; outDir: string; seconds: number }

/** Builds one tenant's site from its snapshot into a new folder, checks it, then switches it live. */
export async function buildTenant(snapshot: Snapshot, options: { sandboxOrigin: string; quiet?: boolean }): Promise<BuildResult> {
  const started = performance.now()
  const slug = snapshot.tenant.slug
  const buildId = newBuildId()
  const outDir = join(buildsDir, slug, buildId)
  const snapshotFile = join(dataDir, 'snapshots', `${slug}-${buildId}.json`)
  mkdirSync(join(dataDir, 'snapshots'), { recursive: true })
  const forSite = { ...snapshot, tenant: { ...snapshot.tenant, mppApiBaseUrl: resolveMppBaseUrl(snapshot.tenant.mppApiBaseUrl, options.sandboxOrigin) } }
  writeFileSync(snapshotFile, JSON.stringify(forSite))

  try {
    await run(process.execPath, [join(rootDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
      quiet: options.quiet,
      env: { ...process.env, CENTER_SNAPSHOT: snapshotFile, CENTER_TENANT: slug, CENTER_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    })
    const missing = missingPages(outDir, snapshot)
    if (missing.length) throw new Error(`The build of "${slug}" is missing ${missing.join(', ')}`)
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true })
    throw error
  } finally {
    rmSync(snapshotFile, { force: true })
  }
  switchLive(slug, buildId)
  pruneBuilds(slug)
  return { buildId, outDir, seconds: (performance.now() - started) / 1000 }
}
