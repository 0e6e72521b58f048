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
import { measureApi, serveCenter, type ApiFigures } from './api'
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

/** The live data a user brings to the island pages: a token from the sandbox MPP, and one bill and agreement of theirs. */
async function liveUser(sandboxOrigin: string, tenant: string, user: string) {
  const issued = await fetch(`${sandboxOrigin}/${tenant}/sandbox/token`, { method: 'POST', body: JSON.stringify({ user }) })
  if (issued.status !== 201) throw new Error(`The sandbox gave no token for ${tenant}: HTTP ${issued.status}`)
  const { token } = (await issued.json()) as { token: string }
  const first = async (path: string) => {
    const response = await fetch(`${sandboxOrigin}/${tenant}/v1/${path}?limit=1`, { headers: { authorization: `Bearer ${token}` } })
    return ((await response.json()) as { items: { id: string }[] }).items[0]?.id
  }
  return { token, bill: await first('bills'), agreement: await first('agreements') }
}

/**
 * The pages Lighthouse tests: every page type of a demo tenant in its default locale, the island
 * pages with a user's token and live data from the sandbox MPP (and the Center API for rewards),
 * as a wallet opens them. (Lighthouse refuses to test a page answered with 404, so the not-found
 * page is left out.)
 */
async function lighthousePages(siteUrl: string, sandboxOrigin: string, snapshot: Snapshot) {
  const { slug, defaultLocale, features } = snapshot.tenant
  const base = `${siteUrl}/${slug}/${defaultLocale}`
  const qa = snapshot.qas[0]!
  const question = qa.question[defaultLocale] ?? ''
  const user = await liveUser(sandboxOrigin, slug, 'bench-lighthouse')
  const newUser = await liveUser(sandboxOrigin, slug, 'new-bench-lighthouse')
  const on = (feature: string) => features.some((f) => f === feature)
  return [
    { type: 'home', url: `${base}/` },
    { type: 'guides', url: `${base}/guides/` },
    { type: 'guide', url: `${base}/guides/${snapshot.guides[0]!.slug}/` },
    { type: 'qas', url: `${base}/qas/` },
    { type: 'category', url: `${base}/qas/${qa.category}/` },
    { type: 'qa', url: `${base}/qas/${qa.category}/${qa.slug}/` },
    { type: 'search', url: `${base}/search/?q=${encodeURIComponent(question)}` },
    // As users reach it: after an earlier question (the index, answers and scripts cached), not from a cold browser.
    {
      type: 'search-again',
      url: `${base}/search/?q=${encodeURIComponent(question)}`,
      warmUrl: `${base}/search/?q=${encodeURIComponent(snapshot.qas[1]?.question[defaultLocale] ?? question)}`,
    },
    ...(on('bills')
      ? [
          { type: 'bills', url: `${base}/bills/#token=${user.token}` },
          ...(user.bill ? [{ type: 'bill', url: `${base}/bills/#token=${user.token}&bill=${encodeURIComponent(user.bill)}` }] : []),
        ]
      : []),
    ...(on('agreements')
      ? [
          { type: 'agreements', url: `${base}/agreements/#token=${user.token}` },
          ...(user.agreement
            ? [{ type: 'agreement', url: `${base}/agreements/#token=${user.token}&agreement=${encodeURIComponent(user.agreement)}` }]
            : []),
        ]
      : []),
    ...(on('rewards') ? [{ type: 'rewards', url: `${base}/rewards/#token=${newUser.token}` }] : []),
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

  await attempt('weight', async () => {
    const builds: { root: string; tenant: string }[] = []
    for (const snapshot of demo) {
      const built = await buildTenant(snapshot, { sandboxOrigin: defaultSandboxOrigin, quiet: true })
      builds.push({ root: built.outDir, tenant: snapshot.tenant.slug })
      log(`weight: built demo tenant ${snapshot.tenant.slug} in ${built.seconds.toFixed(1)} s`)
    }
    result.weight = weighBuilds(builds)
  })

  // Lighthouse sees the island pages as a user does: the CMS (Center API) and the sandbox MPP
  // served over HTTP, the demo content seeded, the sites built against both.
  await attempt('lighthouse', async () => {
    const { openCms } = await import('../lib/cms')
    const { seed } = await import('../../cms/seed')
    const cms = await openCms()
    try {
      await seed(cms, demo, { demoUsers: false })
    } finally {
      await cms.destroy()
    }
    const sitePort = await freePort()
    // The Center API answers the rewards island only from the site's origin (CORS).
    const center = await serveCenter(log, { CENTER_SITE_URL: `http://localhost:${sitePort}` })
    try {
      for (const snapshot of demo)
        // The Center API is under /api on the CMS, as `center start` builds it.
        await buildTenant(snapshot, { sandboxOrigin: center.sandboxOrigin, centerApiUrl: `${center.cmsOrigin}/api`, quiet: true })
      const site = await startSite(sitePort)
      try {
        const pages = await lighthousePages(site.url, center.sandboxOrigin, fullest(demo))
        const chosen = options.pages ? pages.filter((page) => options.pages!.includes(page.type)) : pages
        if (!chosen.length) throw new Error(`--pages matched none of ${pages.map((page) => page.type).join(', ')}`)
        result.lighthouse = await measureLighthouse(chosen, log)
      } finally {
        await site.close()
      }
    } finally {
      await center.close()
    }
  })

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
