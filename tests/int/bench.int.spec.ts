import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'

import type { BenchResult } from '../../scripts/bench/index'
import { runCenter } from '../helpers/center'

const folder = mkdtempSync(join(tmpdir(), 'center-bench-smoke-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('center bench', () => {
  test('at tiny sizes, builds against bare Astro, weighs the demo pages and times search, printing a table and writing the same figures as JSON', async () => {
    const out = join(folder, 'result.json')
    const run = await runCenter([
      'bench',
      '--tenants',
      '1',
      '--locales',
      '2',
      '--qas',
      '4',
      '--index-qas',
      '30',
      '--only',
      'build,weight,search',
      '--out',
      out,
    ])
    expect(run.stderr).toContain('Results written to')
    expect(run.code).toBe(0)
    const result = JSON.parse(readFileSync(out, 'utf8')) as BenchResult

    expect(result.errors).toEqual({})
    expect(result.options).toMatchObject({ tenants: 1, locales: 2, qas: 4, only: ['build', 'weight', 'search'] })
    const { center, bareAstro, ratio, bareAstroPerTenant } = result.build!
    // 2 locales × (home, guides, 9 guides, Q&As, categories, 4 Q&As, bills, agreements, rewards, 404) pages at least.
    expect(center.pages).toBeGreaterThan(2 * 20)
    expect(bareAstro.pages).toBe(center.pages)
    expect(bareAstroPerTenant.pages).toBe(center.pages)
    for (const figures of [center, bareAstro, bareAstroPerTenant]) {
      expect(figures.seconds).toBeGreaterThan(0)
      expect(figures.peakMemoryBytes).toBeGreaterThan(50 * 2 ** 20)
    }
    expect(ratio).toBeCloseTo(center.pagesPerSecond / bareAstro.pagesPerSecond)

    expect(result.weight!.map((w) => w.type)).toEqual(['home', 'guide', 'qa', 'bills', 'agreements', 'rewards'])
    for (const { largest } of result.weight!) {
      expect(largest.html.gzip).toBeGreaterThan(0)
      expect(largest.html.gzip).toBeLessThan(largest.html.raw)
      expect(largest.requestsFirstRender).toBeGreaterThanOrEqual(1)
    }
    const bills = result.weight!.find((w) => w.type === 'bills')!
    expect(bills.largest.js.raw).toBeGreaterThan(0)
    expect(bills.largest.requestsOnLoad).toBeGreaterThan(bills.largest.requestsFirstRender)

    expect(result.search!.map((s) => s.docs)).toEqual([9 + 4, 9 + 30])
    for (const search of result.search!) {
      expect(search.query.n).toBeGreaterThan(0)
      expect(search.query.p95).toBeGreaterThanOrEqual(search.query.p50)
      expect(search.index.gzip).toBeGreaterThan(0)
    }

    expect(run.stdout).toContain('## Build throughput (1 tenants × 2 locales × 4 Q&As)')
    expect(run.stdout).toMatch(/Center builds at \d+\.\d\d× the bare Astro throughput \(\d+\.\d\d× bare Astro split/)
    expect(run.stdout).toContain('## Page weight')
    expect(run.stdout).toContain('## Search')
  }, 300_000)
})
