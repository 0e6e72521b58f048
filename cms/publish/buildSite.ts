import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'

import { resolveMedia } from '../../content/media'
import type { Snapshot } from '../../content/schema'
import { mediaDir as cmsMediaDir, dataDir, rootDir } from '../env'
import { resolveMppBaseUrl } from '../lib/mppOrigin'
import { centerApiUrl } from '../lib/origins'
import { brokenLinks } from './checkLinks'
import { writeTenantHeaders } from './headers'
import { precompress } from './precompress'
import { preloadEagerIslands } from './preloadIslands'

export const siteDir = join(dataDir, 'site')
/** The folder the static server serves: one link per tenant to its live build. */
export const liveDir = join(siteDir, 'live')
export const buildsDir = join(siteDir, 'builds')
const keepBuilds = 5
/** The astro command every build runs (the site's, and the bench's bare baseline). */
export const astroBin = join(rootDir, 'node_modules', 'astro', 'bin', 'astro.mjs')

/** A sortable build id: the UTC time, then a random suffix. */
export const newBuildId = (now = new Date()) =>
  `${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${Math.random().toString(36).slice(2, 6)}`

export type RunOptions = { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean; signal?: AbortSignal; timeoutMs?: number }

/**
 * Runs a command, passing its output through to ours, and answers its output's last 4,000
 * characters; rejects with that tail when it fails,
 * outlives `timeoutMs` or is aborted. The command leads its own process group and a kill takes the
 * whole group, because astro leaves helper processes that would go on writing into the build folder.
 */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? rootDir,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let tail = ''
    let killedBecause: string | undefined
    const killGroup = (reason: string) => {
      killedBecause ??= reason
      if (child.pid === undefined || child.exitCode !== null) return
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch (error) {
        // The group may have ended between the check and the kill: nothing left to kill.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
      }
    }
    // A reason given to abort() (a shutdown's) says why, for the build's log; a plain abort() gives an AbortError.
    const reason = () => options.signal?.reason
    const onAbort = () =>
      killGroup(reason() instanceof Error && reason().name !== 'AbortError' ? `aborted: ${reason().message}` : 'aborted')
    const onExit = () => killGroup('our process exited')
    const timer = options.timeoutMs ? setTimeout(() => killGroup(`timed out after ${options.timeoutMs} ms`), options.timeoutMs) : undefined
    if (options.signal?.aborted) onAbort()
    options.signal?.addEventListener('abort', onAbort)
    process.on('exit', onExit)
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000)
      if (!options.quiet) process.stderr.write(chunk)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      process.off('exit', onExit)
      if (code === 0 && !killedBecause) return resolve(tail)
      const how = killedBecause
        ? `was killed (${signal ?? 'SIGKILL'}, ${killedBecause})`
        : signal
          ? `was killed (${signal})`
          : `exited with ${code}`
      reject(new Error(`${command} ${args.join(' ')} ${how}:\n${tail}`))
    })
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

export type BuildResult = { buildId: string; outDir: string; seconds: number; warnings: string[] }
export type BuildOptions = {
  sandboxOrigin: string
  centerApiUrl?: string
  /** Where the snapshot's image files are: the CMS's media folder by default. */
  mediaDir?: string
  quiet?: boolean
  buildId?: string
  signal?: AbortSignal
  timeoutMs?: number
}

/** Builds one tenant's site from its snapshot into a new folder, checks it, then switches it live. */
export async function buildTenant(snapshot: Snapshot, options: BuildOptions): Promise<BuildResult> {
  const started = performance.now()
  const slug = snapshot.tenant.slug
  const buildId = options.buildId ?? newBuildId()
  const outDir = join(buildsDir, slug, buildId)
  const snapshotFile = join(dataDir, 'snapshots', `${slug}-${buildId}.json`)
  mkdirSync(join(dataDir, 'snapshots'), { recursive: true })
  const mediaDir = options.mediaDir ?? cmsMediaDir
  const { snapshot: withImages, warnings } = resolveMedia(snapshot, (file) => existsSync(join(mediaDir, file)))
  const forSite = {
    ...withImages,
    tenant: { ...withImages.tenant, mppApiBaseUrl: resolveMppBaseUrl(snapshot.tenant.mppApiBaseUrl, options.sandboxOrigin) },
  }
  writeFileSync(snapshotFile, JSON.stringify(forSite))

  try {
    await run(process.execPath, [astroBin, 'build', '--silent'], {
      quiet: options.quiet,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      env: {
        ...process.env,
        CENTER_API_URL: options.centerApiUrl ?? centerApiUrl(),
        CENTER_SNAPSHOT: snapshotFile,
        CENTER_MEDIA_DIR: mediaDir,
        CENTER_TENANT: slug,
        CENTER_OUT_DIR: outDir,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    })
    const missing = missingPages(outDir, snapshot)
    if (missing.length) throw new Error(`The build of "${slug}" is missing ${missing.join(', ')}`)
    const broken = brokenLinks(outDir, slug)
    if (broken.length) {
      const sample = broken
        .slice(0, 5)
        .map(({ page, href }) => `${href} (on ${page})`)
        .join(', ')
      throw new Error(`The build of "${slug}" has ${broken.length} broken internal links: ${sample}`)
    }
    writeTenantHeaders(outDir, slug, { siteUrl: process.env.CENTER_SITE_URL })
    preloadEagerIslands(outDir)
    await precompress(outDir)
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true })
    throw error
  } finally {
    rmSync(snapshotFile, { force: true })
  }
  switchLive(slug, buildId)
  pruneBuilds(slug)
  return { buildId, outDir, seconds: (performance.now() - started) / 1000, warnings }
}

/** The tenant's kept builds, oldest first. */
export function keptBuilds(slug: string): string[] {
  const dir = join(buildsDir, slug)
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => existsSync(join(dir, name, slug)))
        .sort()
    : []
}

/** The build the tenant's live link points at, if any. */
export function liveBuild(slug: string): string | undefined {
  const link = join(liveDir, slug)
  if (!existsSync(link)) return undefined
  return basename(dirname(readlinkSync(link)))
}

/** The build a rollback goes to: the one asked for, or the newest kept build older than the live one. */
export function rollbackTarget(kept: string[], live: string | undefined, to?: string): string {
  if (to) {
    if (!kept.includes(to)) throw new Error(`No kept build "${to}"; kept: ${kept.join(', ') || 'none'}`)
    return to
  }
  const older = kept.filter((id) => live === undefined || id < live)
  const target = older.at(-1)
  if (!target) throw new Error(`No build older than the live one (${live ?? 'none'}) to roll back to`)
  return target
}

/** Switches the tenant's live link back to a kept build in one rename; answers the builds it went from and to. */
export function rollbackTenant(slug: string, to?: string): { from: string | undefined; to: string } {
  const from = liveBuild(slug)
  const target = rollbackTarget(keptBuilds(slug), from, to)
  switchLive(slug, target)
  return { from, to: target }
}

/** Stops serving a tenant: removes its live link (its kept builds stay until pruned by hand). */
export function takeOffline(slug: string): void {
  rmSync(join(liveDir, slug), { force: true })
}
