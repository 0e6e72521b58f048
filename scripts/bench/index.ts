import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import type { Payload } from 'payload'

import { rootDir } from '../../cms/env'
import { defaultSandboxOrigin } from '../../cms/lib/mppOrigin'
import { buildTenant } from '../../cms/publish/buildSite'
import { readSnapshots } from '../../content/files'
import type { Snapshot } from '../../content/schema'
import { freePort } from '../lib/ports'
import { startSite } from '../lib/serve'
import { measureApi, type ApiFigures } from './api'
import { generateSnapshot, generateSnapshots, phraseBanks } from './generate'
import { measureLighthouse, type LighthouseFigures } from './lighthouse'
import type { BenchOptions, Section } from './options'
import { measureRebuild, type RebuildResult } from './rebuild'
import { measureSearch, type SearchFigures } from './search'
import { measureThroughput, type ThroughputResult } from './throughput'
import { weighBuilds, type TypeWeight } from './weight'

export type BenchResult = {
  date: string
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string; loadAverageAtStart: number[] }
  options: BenchOptions
  build?: ThroughputResult & { generated: { tenants: number; locales: number; qas: number } }
  rebuild?: RebuildResult
  weight?: TypeWeight[]
  lighthouse?: LighthouseFigures[]
  search?: SearchFigures[]
  api?: ApiFigures
  /** Measurements that could not run, with the reason; the others still ran. */
  errors: Partial<Record<Section, string>>
}

/** Where a run's figures go by default: bench/results/<YYYY-MM-DD>.json. */
export const resultsFile = (date: string) => join(rootDir, 'bench', 'results', `${date.slice(0, 10)}.json`)

/** The demo tenant with the most features, so every page type is there to test. */
const fullest = (snapshots: Snapshot[]) => snapshots.reduce((a, b) => (b.tenant.features.length > a.tenant.features.length ? b : a))

/** The pages Lighthouse tests: one of each type from a demo tenant, in its default locale. */
function lighthousePages(siteUrl: string, snapshot: Snapshot) {
  const { slug, defaultLocale } = snapshot.tenant
  const base = `${siteUrl}/${slug}/${defaultLocale}`
  const qa = snapshot.qas[0]!
  return [
    { type: 'home', url: `${base}/` },
    { type: 'guide', url: `${base}/guides/${snapshot.guides[0]!.slug}/` },
    { type: 'qa', url: `${base}/qas/${qa.category}/${qa.slug}/` },
    ...(['bills', 'agreements', 'rewards'] as const)
      .filter((f) => snapshot.tenant.features.includes(f))
      .map((f) => ({ type: f, url: `${base}/${f}/` })),
  ]
}

/**
 * Runs the chosen measurements one after another (never in parallel, so they do not slow each
 * other) in the data folder the caller set up; a measurement that fails is recorded and the
 * others still run.
 */
export async function runBench(options: BenchOptions, log: (line: string) => void): Promise<BenchResult> {
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryBytes: totalmem(),
      node: process.version,
      loadAverageAtStart: loadavg(),
    },
    options,
    errors: {},
  }
  const wanted = (section: Section) => options.only.includes(section)
  const demo = readSnapshots()
  const banks = phraseBanks(demo)
  const generated = generateSnapshots(options, banks)
  log(`bench: ${options.tenants} tenants × ${options.locales} locales × ${options.qas} Q&As; measuring ${options.only.join(', ')}`)

  const attempt = async (section: Section, work: () => Promise<void>, label: string = section) => {
    if (!wanted(section)) return
    const started = performance.now()
    try {
      await work()
      log(`bench: ${label} done in ${((performance.now() - started) / 1000).toFixed(0)} s`)
    } catch (error) {
      result.errors[section] = error instanceof Error ? error.message : String(error)
      log(`bench: ${section} failed: ${result.errors[section]}`)
    }
  }

  await attempt('build', async () => {
    result.build = {
      ...(await measureThroughput(generated, log)),
      generated: { tenants: options.tenants, locales: options.locales, qas: options.qas },
    }
  })
  await attempt('search', async () => {
    result.search = measureSearch(generated, generateSnapshot(0, { locales: 1, qas: options.indexQas }, banks), log)
  })

  if (wanted('weight') || wanted('lighthouse')) {
    const builds: { root: string; tenant: string }[] = []
    await attempt(
      wanted('weight') ? 'weight' : 'lighthouse',
      async () => {
        for (const snapshot of demo) {
          const built = await buildTenant(snapshot, { sandboxOrigin: defaultSandboxOrigin, quiet: true })
          builds.push({ root: built.outDir, tenant: snapshot.tenant.slug })
          log(`weight: built demo tenant ${snapshot.tenant.slug} in ${built.seconds.toFixed(1)} s`)
        }
        if (wanted('weight')) result.weight = weighBuilds(builds)
      },
      wanted('weight') ? 'weight' : 'demo build',
    )
    if (builds.length) {
      await attempt('lighthouse', async () => {
        const site = await startSite(await freePort())
        try {
          result.lighthouse = await measureLighthouse(lighthousePages(site.url, fullest(demo)), log)
        } finally {
          await site.close()
        }
      })
    } else if (wanted('lighthouse')) result.errors.lighthouse ??= 'The demo tenants did not build, so there was nothing to test.'
  }

  if (wanted('rebuild') || wanted('api')) {
    const { openCms } = await import('../lib/cms')
    let cms: Payload | undefined
    try {
      cms = await openCms()
    } catch (error) {
      const reason = `The CMS did not open: ${error instanceof Error ? error.message : String(error)}`
      for (const section of ['rebuild', 'api'] as const) if (wanted(section)) result.errors[section] = reason
    }
    if (cms) {
      try {
        await attempt('rebuild', async () => {
          result.rebuild = await measureRebuild(cms, demo, generated, log)
        })
        await attempt('api', async () => {
          const { seed } = await import('../../cms/seed')
          await seed(cms, demo, { demoUsers: false })
          const rewards = demo.find((snapshot) => snapshot.tenant.features.includes('rewards'))
          if (!rewards) throw new Error('No demo tenant has rewards, so there is no campaign to claim.')
          const { figures, errors } = await measureApi(cms, demo[0]!.tenant.slug, rewards.tenant.slug, log)
          result.api = figures
          if (errors.length) throw new Error(errors.join('; '))
        })
      } finally {
        await cms.destroy()
      }
    }
  }
  return result
}
