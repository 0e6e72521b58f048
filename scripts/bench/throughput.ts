import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { Snapshot } from '../../content/schema'
import { rootDir } from '../../cms/env'
import { astroBin, buildTenant, run } from '../lib/build'
import { defaultSandboxOrigin } from '../lib/sandboxOrigin'
import { watchPeakMemory } from './memory'

export type BuildFigures = { pages: number; seconds: number; pagesPerSecond: number; peakMemoryBytes: number }
export type ThroughputResult = { center: BuildFigures; bareAstro: BuildFigures; ratio: number }

/** How many HTML pages a build folder holds. */
export const countPages = (dir: string): number => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length

/** Times some work that starts child processes, with the peak memory of those children. */
async function timed(work: () => Promise<number>): Promise<BuildFigures> {
  const memory = watchPeakMemory()
  const started = performance.now()
  let peakMemoryBytes = 0
  let pages: number
  try {
    pages = await work()
  } finally {
    peakMemoryBytes = memory.stop()
  }
  const seconds = (performance.now() - started) / 1000
  return { pages, seconds, pagesPerSecond: pages / seconds, peakMemoryBytes }
}

/** Builds every snapshot the way `center build` does (one astro build per tenant, checked and switched live). */
export function buildCenter(snapshots: Snapshot[], log: (line: string) => void): Promise<BuildFigures> {
  return timed(async () => {
    let pages = 0
    for (const [i, snapshot] of snapshots.entries()) {
      const result = await buildTenant(snapshot, { sandboxOrigin: defaultSandboxOrigin, quiet: true })
      const built = countPages(result.outDir)
      pages += built
      log(`build: ${snapshot.tenant.slug} (${i + 1}/${snapshots.length}) ${built} pages in ${result.seconds.toFixed(1)} s`)
    }
    return pages
  })
}

const bareConfig = `export default { outDir: process.env.BENCH_OUT_DIR, cacheDir: './.astro-cache', trailingSlash: 'always', build: { format: 'directory' } }\n`
const barePage = `---
export function getStaticPaths() {
  return Array.from({ length: Number(process.env.BENCH_PAGES) }, (_, i) => ({ params: { slug: \`page-\${i + 1}\` } }))
}
const { slug } = Astro.params
---
<html lang="en"><head><meta charset="utf-8"><title>{slug}</title></head><body><h1>{slug}</h1><p>A trivial page.</p></body></html>
`

/** Builds `pages` trivial pages from one template with the same astro, in a throwaway project outside the repository. */
export async function buildBareAstro(pages: number, log: (line: string) => void): Promise<BuildFigures> {
  const project = mkdtempSync(join(tmpdir(), 'center-bench-astro-'))
  try {
    mkdirSync(join(project, 'src', 'pages'), { recursive: true })
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'bare-astro', private: true, type: 'module' }))
    writeFileSync(join(project, 'astro.config.mjs'), bareConfig)
    writeFileSync(join(project, 'src', 'pages', '[...slug].astro'), barePage)
    symlinkSync(join(rootDir, 'node_modules'), join(project, 'node_modules'), 'dir')
    const outDir = join(project, 'dist')
    const env = { ...process.env, BENCH_PAGES: String(pages), BENCH_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' }
    const figures = await timed(async () => {
      await run(process.execPath, [astroBin, 'build', '--silent'], { cwd: project, env, quiet: true })
      return countPages(outDir)
    })
    log(`build: bare Astro ${figures.pages} pages in ${figures.seconds.toFixed(1)} s`)
    return figures
  } finally {
    rmSync(project, { recursive: true, force: true })
  }
}

/** Our build of the generated tenants, then the same number of pages from bare Astro, and our speed as a share of its speed. */
export async function measureThroughput(snapshots: Snapshot[], log: (line: string) => void): Promise<ThroughputResult> {
  const center = await buildCenter(snapshots, log)
  const bareAstro = await buildBareAstro(center.pages, log)
  return { center, bareAstro, ratio: center.pagesPerSecond / bareAstro.pagesPerSecond }
}
