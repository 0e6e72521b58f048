import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'

export type LighthouseFigures = {
  type: string
  url: string
  performance: number | null
  accessibility: number | null
  lcpMs: number | null
  tbtMs: number | null
  cls: number | null
  /** Main-thread time (simulated, so 4× what this CPU took) and where most of it went: it explains a high TBT. */
  mainThreadMs: number | null
  mainThreadTop: string | null
  /** The element Lighthouse found largest (its HTML, shortened): what to make paint sooner. */
  lcpElement: string | null
  /** Where the LCP's time went (Lighthouse's phases, ms): time to first byte, then the render delay after it for a text element. */
  lcpPhases: string | null
  /** The performance scores of every run; the figures are those of the median run. */
  runs: (number | null)[]
  /** Why the page could not be tested, when it could not; the other pages are still tested. */
  error?: string
}

/**
 * A page Lighthouse tests. With `warmUrl`, each run first loads that page (from a clean browser) and
 * then measures `url` without clearing the cache in between: the scripts, index and answers the
 * first page fetched are cached, as they are for a user who has already used the Center.
 */
export type LighthousePage = { type: string; url: string; warmUrl?: string }

/** Debian's Chromium, as the browser tests use it. */
export const chromiumPath = '/usr/bin/chromium'

/** The run with the median performance score, as Lighthouse advises for comparing pages. */
export function medianRun<T extends { performance: number | null }>(runs: T[]): T {
  const sorted = [...runs].sort((a, b) => (a.performance ?? -1) - (b.performance ?? -1))
  return sorted[Math.floor((sorted.length - 1) / 2)]!
}

/**
 * Lighthouse's default (mobile) run of each page in real Chromium, `runs` times, keeping the
 * median run: a Moto G Power-sized screen, simulated slow 4G and a 4× slower CPU. Scores are 0–100.
 */
export async function measureLighthouse(pages: LighthousePage[], log: (line: string) => void, runs = 3): Promise<LighthouseFigures[]> {
  const profile = mkdtempSync(join(tmpdir(), 'center-bench-chromium-'))
  const chrome = await launch({
    chromePath: chromiumPath,
    userDataDir: profile,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    logLevel: 'silent',
  })
  try {
    const figures: LighthouseFigures[] = []
    for (const { type, url, warmUrl } of pages) {
      const all: Omit<LighthouseFigures, 'runs'>[] = []
      try {
        for (let run = 0; run < runs; run++) all.push(await measureOnce(chrome.port, type, url, warmUrl))
      } catch (error) {
        const nothing = {
          performance: null,
          accessibility: null,
          lcpMs: null,
          tbtMs: null,
          cls: null,
          mainThreadMs: null,
          mainThreadTop: null,
          lcpElement: null,
          lcpPhases: null,
        }
        figures.push({ type, url, ...nothing, runs: [], error: error instanceof Error ? error.message : String(error) })
        log(`lighthouse: ${type} not measured: ${figures.at(-1)!.error}`)
        continue
      }
      figures.push({ ...medianRun(all), runs: all.map((r) => r.performance) })
      log(`lighthouse: ${type} performance ${figures.at(-1)!.runs.join(', ')}`)
    }
    return figures
  } finally {
    chrome.kill()
    rmSync(profile, { recursive: true, force: true })
  }
}

/**
 * One Lighthouse run of one page in the running Chromium. Lighthouse clears the origin's cache, storage
 * and service worker before it loads a page, unless told not to: after a warm-up load it is told not to.
 */
async function measureOnce(port: number, type: string, url: string, warmUrl?: string): Promise<Omit<LighthouseFigures, 'runs'>> {
  if (warmUrl) {
    const warm = await lighthouse(warmUrl, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] })
    if (warm?.lhr.runtimeError) throw new Error(`Lighthouse could not load ${warmUrl}: ${warm.lhr.runtimeError.message}`)
  }
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
    disableStorageReset: Boolean(warmUrl),
  })
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`)
  const { categories, audits, runtimeError } = result.lhr
  if (runtimeError) throw new Error(`Lighthouse could not test ${url}: ${runtimeError.code} ${runtimeError.message}`)
  const score = (key: string) =>
    categories[key]?.score === null || categories[key]?.score === undefined ? null : Math.round(categories[key]!.score! * 100)
  const metric = (key: string) => audits[key]?.numericValue ?? null
  const breakdown =
    (audits['mainthread-work-breakdown']?.details as { items?: { groupLabel?: string; group?: string; duration: number }[] } | undefined)
      ?.items ?? []
  const top = breakdown.reduce<(typeof breakdown)[number] | undefined>((a, b) => (!a || b.duration > a.duration ? b : a), undefined)
  const lcpTables = (
    audits['largest-contentful-paint-element']?.details as
      { items?: { items?: { node?: { snippet?: string }; phase?: string; timing?: number }[] }[] } | undefined
  )?.items
  const lcpItems = lcpTables?.[0]?.items
  const phases = lcpTables?.[1]?.items?.filter((item) => item.phase && item.timing !== undefined) ?? []
  return {
    type,
    url,
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    mainThreadMs: metric('mainthread-work-breakdown'),
    mainThreadTop: top ? `${top.groupLabel ?? top.group} ${Math.round(top.duration)} ms` : null,
    lcpElement: lcpItems?.[0]?.node?.snippet?.slice(0, 100) ?? null,
    lcpPhases: phases.length ? phases.map(({ phase, timing }) => `${phase} ${Math.round(timing!)}`).join(', ') : null,
  }
}
