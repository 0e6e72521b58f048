import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type LighthouseFigures = { type: string; url: string; performance: number | null; accessibility: number | null; lcpMs: number | null; tbtMs: number | null; cls: number | null }

/** Debian's Chromium, as the browser tests use it. */
export const chromiumPath = '/usr/bin/chromium'

/**
 * Lighthouse's default (mobile) run of each page in real Chromium: a Moto G Power-sized screen,
 * simulated slow 4G and a 4× slower CPU. Scores are 0–100.
 */
export async function measureLighthouse(pages: { type: string; url: string }[], log: (line: string) => void): Promise<LighthouseFigures[]> {
  const profile = mkdtempSync(join(tmpdir(), 'center-bench-chromium-'))
  const chrome = await launch({
    chromePath: chromiumPath,
    userDataDir: profile,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    logLevel: 'silent',
  })
  try {
    const figures: LighthouseFigures[] = []
    for (const { type, url } of pages) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] })
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`)
      const { categories, audits, runtimeError } = result.lhr
      if (runtimeError) throw new Error(`Lighthouse could not test ${url}: ${runtimeError.code} ${runtimeError.message}`)
      const score = (key: string) => (categories[key]?.score === null || categories[key]?.score === undefined ? null : Math.round(categories[key]!.score! * 100))
      const metric = (key: string) => audits[key]?.numericValue ?? null
      figures.push({ type, url, performance: score('performance'), accessibility: score('accessibility'), lcpMs: metric('largest-contentful-paint'), tbtMs: metric('total-blocking-time'), cls: metric('cumulative-layout-shift') })
      const last = figures.at(-1)!
      log(`lighthouse: ${type} performance ${last.performance}, accessibility ${last.accessibility}`)
    }
    return figures
  } finally {
    chrome.kill()
    rmSync(profile, { recursive: true, force: true })
  }
}
