import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { rootDir } from '../../cms/env'
import { defaultSandboxOrigin } from '../../cms/lib/mppOrigin'
import { astroBin, buildTenant, run } from '../../cms/publish/buildSite'
import type { Snapshot } from '../../content/schema'
import { watchPeakMemory } from './memory'

export type BuildFigures = { pages: number; seconds: number; pagesPerSecond: number; peakMemoryBytes: number }
export type ThroughputResult = {
  center: BuildFigures
  /** The same number of pages in one bare Astro build: the baseline the ratio is to. */
  bareAstro: BuildFigures
  ratio: number
  /** Bare Astro split like ours, one build per tenant with its page count: what separate builds alone cost. */
  bareAstroPerTenant: BuildFigures
  ratioPerTenant: number
}

/** How many HTML pages a build folder holds. */
export const countPages = (dir: string): number =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.html')).length

/** Times some work that starts child processes, with the peak memory of those children. */
async function timed(work: () => Promise<number>): Promise<BuildFigures> {
  const memory = watchPeakMemory()
  const started = performance.now()
  let peakMemoryBytes: number
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
export async function buildCenter(snapshots: Snapshot[], log: (line: string) => void): Promise<BuildFigures & { perTenant: number[] }> {
  const perTenant: number[] = []
  const figures = await timed(async () => {
    for (const [i, snapshot] of snapshots.entries()) {
      const result = await buildTenant(snapshot, { sandboxOrigin: defaultSandboxOrigin, quiet: true })
      perTenant.push(countPages(result.outDir))
      log(`build: ${snapshot.tenant.slug} (${i + 1}/${snapshots.length}) ${perTenant.at(-1)} pages in ${result.seconds.toFixed(1)} s`)
    }
    return perTenant.reduce((a, b) => a + b, 0)
  })
  return { ...figures, perTenant }
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

/** Builds trivial pages from one template with the same astro, in a throwaway project outside the repository: one build per count given. */
export async function buildBareAstro(builds: number[], log: (line: string) => void): Promise<BuildFigures> {
  const project = mkdtempSync(join(tmpdir(), 'center-bench-astro-'))
  try {
    mkdirSync(join(project, 'src', 'pages'), { recursive: true })
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'bare-astro', private: true, type: 'module' }))
    writeFileSync(join(project, 'astro.config.mjs'), bareConfig)
    writeFileSync(join(project, 'src', 'pages', '[...slug].astro'), barePage)
    symlinkSync(join(rootDir, 'node_modules'), join(project, 'node_modules'), 'dir')
    const figures = await timed(async () => {
      let built = 0
      for (const [i, pages] of builds.entries()) {
        const outDir = join(project, `dist-${i}`)
        const env = { ...process.env, BENCH_PAGES: String(pages), BENCH_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' }
        await run(process.execPath, [astroBin, 'build', '--silent'], { cwd: project, env, quiet: true })
        built += countPages(outDir)
      }
      return built
    })
    log(
      `build: bare Astro ${figures.pages} pages in ${builds.length} build${builds.length > 1 ? 's' : ''}, ${figures.seconds.toFixed(1)} s`,
    )
    return figures
  } finally {
    rmSync(project, { recursive: true, force: true })
  }
}

/** Our build of the generated tenants, then the same number of pages from bare Astro (in one build, then split like ours), and our speed as a share of each. */
export async function measureThroughput(snapshots: Snapshot[], log: (line: string) => void): Promise<ThroughputResult> {
  const { perTenant, ...center } = await buildCenter(snapshots, log)
  const bareAstro = await buildBareAstro([center.pages], log)
  const bareAstroPerTenant = await buildBareAstro(perTenant, log)
  return {
    center,
    bareAstro,
    ratio: center.pagesPerSecond / bareAstro.pagesPerSecond,
    bareAstroPerTenant,
    ratioPerTenant: center.pagesPerSecond / bareAstroPerTenant.pagesPerSecond,
  }
}
