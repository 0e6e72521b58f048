import { describe, expect, test } from 'vitest'

import { locales, snapshotSchema } from '../../content/schema'
import { generateSnapshots, phraseBanks, tenantLocales } from '../../scripts/bench/generate'
import { parseBenchOptions, sections } from '../../scripts/bench/options'
import { markdownReport } from '../../scripts/bench/report'
import { sampleQueries } from '../../scripts/bench/search'
import { formatBytes, latency, markdownTable, percentile, sizes } from '../../scripts/bench/stats'
import { pageRefs, pageType, staticImports } from '../../scripts/bench/weight'
import { contentSnapshot } from '../helpers/contentSnapshots'

const demo = ['lumopay', 'hoshi', 'nakhla'].map(contentSnapshot)

describe('bench statistics', () => {
  test('percentiles interpolate between ranks, whatever the order of the values', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3)
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5)
    expect(percentile([10, 20], 95)).toBeCloseTo(19.5)
    expect(percentile([7], 99)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
    expect(latency(Array.from({ length: 100 }, (_, i) => i + 1))).toEqual({ p50: 50.5, p95: 95.05, p99: 99.01, n: 100 })
  })

  test('sizes compress repetitive text well below its raw size, and brotli beats gzip', () => {
    const text = '<p>Pay abroad with the wallet you already have.</p>'.repeat(200)
    const s = sizes(text)
    expect(s.raw).toBe(Buffer.byteLength(text))
    expect(s.gzip).toBeLessThan(s.raw / 10)
    expect(s.brotli).toBeLessThanOrEqual(s.gzip)
  })

  test('bytes read as B, KB and MB, and a table cell with a pipe stays one cell', () => {
    expect([formatBytes(812), formatBytes(13_722), formatBytes(2_202_010)]).toEqual(['812 B', '13.4 KB', '2.1 MB'])
    expect(markdownTable(['a', 'b'], [['x|y', 1]])).toBe('| a | b |\n| --- | --- |\n| x\\|y | 1 |')
  })
})

describe('bench options', () => {
  test('run everything at the default sizes unless told otherwise', () => {
    expect(parseBenchOptions({})).toEqual({ tenants: 3, locales: 3, qas: 40, indexQas: 5000, only: [...sections] })
    expect(parseBenchOptions({ tenants: '50', locales: '10', qas: '200', only: 'search,build' })).toMatchObject({
      tenants: 50,
      locales: 10,
      qas: 200,
      only: ['build', 'search'],
    })
  })

  test('refuse sizes that are not whole numbers, more locales than ship, and unknown measurements', () => {
    expect(() => parseBenchOptions({ tenants: '0' })).toThrow(/--tenants/)
    expect(() => parseBenchOptions({ qas: '2.5' })).toThrow(/--qas/)
    expect(() => parseBenchOptions({ locales: String(locales.length + 1) })).toThrow(/--locales/)
    expect(() => parseBenchOptions({ only: 'build,speed' })).toThrow(/unknown: speed/)
  })
})

describe('generated bench content', () => {
  const banks = phraseBanks(demo)
  const snapshots = generateSnapshots({ tenants: 11, locales: 3, qas: 30 }, banks)

  test('passes the snapshot schema with the asked sizes, every tenant fully translated', () => {
    expect(snapshots).toHaveLength(11)
    for (const snapshot of snapshots) {
      expect(snapshotSchema.safeParse(snapshot).success).toBe(true)
      expect(snapshot.tenant.locales).toHaveLength(3)
      expect(snapshot.qas).toHaveLength(30)
      expect(new Set(snapshot.qas.map((qa) => qa.category)).size).toBe(6)
      expect(snapshot.guides.every((g) => g.steps.length >= 3 && g.related.length > 0)).toBe(true)
      expect(snapshot.campaigns.length).toBeGreaterThan(0)
      for (const qa of snapshot.qas) expect(Object.keys(qa.question).sort()).toEqual([...snapshot.tenant.locales].sort())
    }
  })

  test('covers every shipped locale across tenants, in its own script, with distinct questions', () => {
    expect(new Set(snapshots.flatMap((s) => s.tenant.locales))).toEqual(new Set(locales))
    expect(tenantLocales(0, 11)).toEqual([...locales])
    const thai = snapshots.find((s) => s.tenant.locales.includes('th'))!
    expect(thai.qas[0]!.question.th).toMatch(/[\u0e00-\u0e7f]/)
    const questions = thai.qas.map((qa) => qa.question.th)
    expect(new Set(questions).size).toBe(questions.length)
  })
})

describe('page weight', () => {
  test('page types come from the path below /<tenant>/<locale>/', () => {
    expect(
      [
        'index.html',
        'guides/pay-online/index.html',
        'qas/refunds/refund-time/index.html',
        'bills/index.html',
        'agreements/index.html',
        'rewards/index.html',
      ].map(pageType),
    ).toEqual(['home', 'guide', 'qa', 'bills', 'agreements', 'rewards'])
    expect(['guides/index.html', 'qas/refunds/index.html', '404/index.html'].map(pageType)).toEqual([undefined, undefined, undefined])
  })

  test("a page's references tell blocking files from deferred ones and islands by how they hydrate", () => {
    const html = `<html><head><link rel="stylesheet" href="/t/a.css"><link rel="alternate" href="/t/ja/"><script src="/t/old.js"></script><script type="module" src="/t/m.js"></script><style>body{color:red}</style><script>var x=1</script></head>
      <body><img src="/t/logo.png"><img loading="lazy" src="/t/later.png"><astro-island component-url="/t/_astro/Bills.js" renderer-url="/t/_astro/client.js" client="load"></astro-island><astro-island component-url="/t/_astro/Search.js" renderer-url="/t/_astro/client.js" client="typing"></astro-island></body></html>`
    const refs = pageRefs(html)
    expect(refs).toMatchObject({
      stylesheets: ['/t/a.css'],
      blockingScripts: ['/t/old.js'],
      moduleScripts: ['/t/m.js'],
      eager: ['/t/logo.png'],
      inlineCss: 15,
      inlineJs: 7,
    })
    expect(refs.islands.map((i) => i.client)).toEqual(['load', 'typing'])
  })

  test("static imports resolve against the module's URL and leave dynamic imports out", () => {
    const code = 'import{t as e}from"./react.C1.js";import"./side.js";const f=()=>import("./lazy.js")'
    expect(staticImports(code, '/t/_astro/Bills.js')).toEqual(['/t/_astro/react.C1.js', '/t/_astro/side.js'])
  })
})

describe('search queries', () => {
  test('are short phrases from the index in its own script', () => {
    const docs = [
      {
        kind: 'qa' as const,
        slug: 'refund-time-zh',
        url: '/a/',
        title: '退款需要多长时间？',
        phrasings: [],
        keywords: ['退款'],
        body: '退款通常在三至七个工作日内退回。',
      },
      {
        kind: 'qa' as const,
        slug: 'refund-time',
        url: '/b/',
        title: 'How long does a refund take?',
        phrasings: ['refund time'],
        keywords: [],
        body: 'Most refunds arrive within three to seven working days.',
      },
    ]
    const queries = sampleQueries(docs, 8)
    expect(queries).toHaveLength(8)
    expect(queries.every((q) => q.length > 0 && q.length <= 30)).toBe(true)
    expect(queries.some((q) => /[\u4e00-\u9fff]/.test(q))).toBe(true)
  })
})

describe('the bench report', () => {
  test('prints each measurement that ran, marks figures past their aim, and names what could not run', () => {
    const report = markdownReport({
      date: '2026-11-26T01:00:00.000Z',
      machine: { cpus: 2, cpuModel: 'Test CPU', memoryBytes: 2 ** 34, node: 'v24.0.0', loadAverageAtStart: [1, 1, 1] },
      options: { tenants: 1, locales: 1, qas: 5, indexQas: 100, only: ['build', 'search', 'lighthouse'] },
      build: {
        center: { pages: 100, seconds: 10, pagesPerSecond: 10, peakMemoryBytes: 500 * 2 ** 20 },
        bareAstro: { pages: 100, seconds: 2, pagesPerSecond: 50, peakMemoryBytes: 300 * 2 ** 20 },
        ratio: 0.2,
        bareAstroPerTenant: { pages: 100, seconds: 5, pagesPerSecond: 20, peakMemoryBytes: 300 * 2 ** 20 },
        ratioPerTenant: 0.5,
        generated: { tenants: 1, locales: 1, qas: 5 },
      },
      search: [
        {
          label: 'largest',
          docs: 14,
          index: { raw: 9000, gzip: 3000, brotli: 2500 },
          loadMs: 1,
          query: { p50: 2, p95: 7.5, p99: 8, n: 40 },
          ask: { p50: 1, p95: 1.5, p99: 2, n: 40 },
        },
      ],
      errors: { lighthouse: 'Chromium did not start\nstack…' },
    })
    expect(report).toContain('Center builds at 0.20× the bare Astro throughput (0.50× bare Astro split into the same per-tenant builds).')
    expect(report).toMatch(/\| largest \| 14 \|.*\| 2\.00 \/ 7\.50 \| 1\.00 \/ 1\.50 \| 40 \| MISSED \|/)
    expect(report).toContain('- lighthouse: Chromium did not start')
    expect(report).not.toContain('## Lighthouse')
  })

  test('marks each Lighthouse page against both aims: a score of 100, and LCP ≤ 1 s with CLS ≤ 0.01', () => {
    const page = (type: string, performance: number, lcpMs: number, cls: number) => ({
      type,
      url: `http://localhost/${type}/`,
      performance,
      accessibility: 100,
      lcpMs,
      tbtMs: 10,
      cls,
      mainThreadMs: 500,
      mainThreadTop: 'Other 200 ms',
      lcpElement: '<p>',
      lcpPhases: 'TTFB 450',
      runs: [performance],
    })
    const report = markdownReport({
      date: '2026-12-08T01:00:00.000Z',
      machine: { cpus: 2, cpuModel: 'Test CPU', memoryBytes: 2 ** 34, node: 'v24.0.0', loadAverageAtStart: [1, 1, 1] },
      options: { tenants: 1, locales: 1, qas: 5, indexQas: 100, only: ['lighthouse'] },
      lighthouse: [page('home', 100, 770, 0), page('search', 100, 1108, 0), page('rewards', 99, 735, 0.02)],
      errors: {},
    })
    const row = (type: string) => report.split('\n').find((line) => line.startsWith(`| ${type} |`)) ?? ''
    expect(row('home')).toMatch(/\| met \| met \|$/)
    expect(row('search')).toMatch(/\| met \| MISSED \|$/)
    expect(row('rewards')).toMatch(/\| MISSED \| MISSED \|$/)
  })
})
