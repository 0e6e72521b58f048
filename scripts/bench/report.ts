import type { FeedbackFigures } from './api'
import type { BenchResult } from './index'
import type { LoadFigures } from './load'
import { fixed, formatBytes, markdownTable, percentile } from './stats'
import type { Sizes } from './stats'

/** The aims the issue sets; a figure past its aim is marked, and bench/README.md says what costs it. */
export const aims = {
  contentPageGzipBytes: 14 * 1024,
  lighthousePerformance: 100,
  lighthouseLcpMs: 1000,
  lighthouseCls: 0.01,
  searchP95Ms: 5,
  publishToLiveSeconds: 10,
  feedbackPerSecond: 300,
  feedbackP99Ms: 300,
} as const

/** Content pages: no live data, so they should load with no JS at all. */
const contentPages = new Set(['home', 'guide', 'qa', 'rewards'])

const mark = (met: boolean) => (met ? 'met' : 'MISSED')
/** Responses by status, e.g. "201 × 9000, 409 × 12". */
const statusList = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .map(([status, n]) => `${status} × ${n}`)
    .join(', ')
const trio = (s: Sizes) => `${formatBytes(s.raw)} / ${formatBytes(s.gzip)} / ${formatBytes(s.brotli)}`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

/** The bench's figures as Markdown: one heading and table per measurement, and the reason for any that could not run. */
export function markdownReport(result: BenchResult): string {
  const out: string[] = [
    `# center bench, ${result.date.slice(0, 10)}`,
    '',
    `${result.machine.cpus} × ${result.machine.cpuModel}, ${mb(result.machine.memoryBytes)}, Node ${result.machine.node}, load average at start ${result.machine.loadAverageAtStart.map((n) => n.toFixed(1)).join(' ')}`,
  ]
  const section = (title: string, table: string, note?: string) => out.push('', `## ${title}`, '', table, ...(note ? ['', note] : []))

  if (result.build) {
    const { center, bareAstro, ratio, bareAstroPerTenant, ratioPerTenant, generated } = result.build
    const row = (name: string, f: typeof center) => [name, f.pages, fixed(f.seconds), fixed(f.pagesPerSecond), mb(f.peakMemoryBytes)]
    section(
      `Build throughput (${generated.tenants} tenants × ${generated.locales} locales × ${generated.qas} Q&As)`,
      markdownTable(
        ['build', 'pages', 'seconds', 'pages/s', 'peak memory'],
        [
          row('Center (center build, one astro build per tenant)', center),
          row('bare Astro, one build (one trivial template)', bareAstro),
          row('bare Astro, one build per tenant, same page counts', bareAstroPerTenant),
        ],
      ),
      `Center builds at ${fixed(ratio, 2)}× the bare Astro throughput (${fixed(ratioPerTenant, 2)}× bare Astro split into the same per-tenant builds).`,
    )
  }
  if (result.rebuild) {
    section(
      'Rebuild latency (publish through the Local API until the page is served)',
      markdownTable(
        ['case', 'tenant', 'its size', 'tenants in database', 'median s', 'each run s', 'median queued s', 'median build s', 'aim ≤ 10 s'],
        result.rebuild.map((r) => [
          r.scenario,
          r.tenant,
          r.pages,
          r.tenantsInDatabase,
          fixed(r.medianSeconds),
          r.seconds.map((s) => fixed(s)).join(', '),
          fixed(percentile(r.waitSeconds, 50)),
          fixed(percentile(r.buildSeconds, 50)),
          mark(r.medianSeconds <= aims.publishToLiveSeconds),
        ]),
      ),
      'Queued: from the publish until the rebuild runner (polling every second) starts the build; build: export, astro build, checks and the live switch, from the build row.',
    )
  }
  if (result.weight) {
    section(
      'Page weight (heaviest page of each type; raw / gzip / brotli)',
      markdownTable(
        [
          'type',
          'pages',
          'HTML',
          'inline CSS, JS raw',
          'CSS files',
          'JS at load',
          'JS on first keystroke',
          'total gzip (median)',
          'requests first render / load',
          'aim ≤ 14 KB gzip',
        ],
        result.weight.map((w) => [
          w.type,
          w.pages,
          trio(w.largest.html),
          `${formatBytes(w.largest.inlineCss)}, ${formatBytes(w.largest.inlineJs)}`,
          trio(w.largest.css),
          trio(w.largest.js),
          trio(w.largest.jsOnInteraction),
          `${formatBytes(w.largest.total.gzip)} (${formatBytes(w.medianTotalGzip)})`,
          `${w.largest.requestsFirstRender} / ${w.largest.requestsOnLoad}`,
          contentPages.has(w.type) ? mark(w.largest.total.gzip <= aims.contentPageGzipBytes && w.largest.js.raw === 0) : 'live data (n/a)',
        ]),
      ),
    )
  }
  if (result.lighthouse) {
    section(
      'Lighthouse (mobile profile, Debian Chromium)',
      markdownTable(
        [
          'type',
          'performance (runs)',
          'accessibility',
          'LCP ms',
          'LCP element',
          'LCP phases ms',
          'TBT ms',
          'CLS',
          'main thread (most of it)',
          'aim 100',
          'aim LCP ≤ 1 s, CLS ≤ 0.01',
        ],
        result.lighthouse.map((l) => [
          l.error ? `${l.type} (not measured: ${l.error.slice(0, 120)})` : l.type,
          `${l.performance ?? 'n/a'} (${l.runs.join(', ')})`,
          l.accessibility ?? 'n/a',
          fixed(l.lcpMs, 0),
          l.lcpElement ? `\`${l.lcpElement.replaceAll('|', '\\|').replaceAll('`', "'")}\`` : 'n/a',
          l.lcpPhases ?? 'n/a',
          fixed(l.tbtMs, 0),
          fixed(l.cls, 3),
          `${fixed(l.mainThreadMs, 0)} ms (${l.mainThreadTop ?? 'n/a'})`,
          mark(l.performance === aims.lighthousePerformance),
          l.lcpMs === null || l.cls === null ? 'n/a' : mark(l.lcpMs <= aims.lighthouseLcpMs && l.cls <= aims.lighthouseCls),
        ]),
      ),
      'The median of the runs by performance score; main-thread times are simulated (the measured time × 4). `search-again` is the results page after an earlier question, with the browser cache kept.',
    )
  }
  if (result.search) {
    section(
      'Search and ask (content/ask: the prebuilt index, as the ask box runs it)',
      markdownTable(
        [
          'index',
          'documents',
          'index raw / gzip / brotli',
          'load ms',
          'search p50 / p95 ms',
          'ask p50 / p95 ms',
          'queries',
          'aim p95 ≤ 5 ms',
        ],
        result.search.map((s) => [
          s.label,
          s.docs,
          trio(s.index),
          fixed(s.loadMs),
          `${fixed(s.query.p50, 2)} / ${fixed(s.query.p95, 2)}`,
          `${fixed(s.ask.p50, 2)} / ${fixed(s.ask.p95, 2)}`,
          s.query.n,
          mark(Math.max(s.query.p95, s.ask.p95) <= aims.searchP95Ms),
        ]),
      ),
    )
  }
  if (result.api) {
    const { read, feedback, feedbackPaced, liveRewards, claims } = result.api
    const row = (a: LoadFigures) => [
      a.request,
      a.connections,
      fixed(a.seconds, 0),
      a.requests,
      fixed(a.requestsPerSecond),
      fixed(a.latencyMs.p50),
      fixed(a.latencyMs.p95),
      fixed(a.latencyMs.p99),
      statusList(a.statuses),
      a.timeouts
        ? `${a.errors} (${a.timeouts} timed out; no response for ${a.longestSilenceMs} ms from ${a.silenceAtS} s; the bench's own loop stalled up to ${a.clientStallMs} ms)`
        : a.errors,
    ]
    const loads = [read, feedback, feedbackPaced, liveRewards, claims].filter((a): a is LoadFigures => a !== undefined)
    const notes = [
      `One request at a time: p50 ${fixed(read.sequentialMs.p50)} ms over HTTP, ${fixed(read.localApiMs.p50)} ms for the same find through the Local API (no HTTP); ${read.docsPerResponse} documents per response.`,
    ]
    const countedOnce = (f: FeedbackFigures) => f.accepted <= f.counted && f.counted === f.sent && f.distinctCounted === f.counted
    const counts = (f: FeedbackFigures) =>
      `${f.sent} events sent, ${f.accepted} answered 201, ${f.counted} found in the database (${f.distinctCounted} distinct)`
    if (feedback)
      notes.push(
        `Feedback with no pause between a client's events (what one CMS process can take): ${fixed(feedback.requestsPerSecond)} events/s; ${counts(feedback)} (the rest were in flight when the run stopped); each counted once: ${mark(countedOnce(feedback))}.`,
      )
    if (feedbackPaced) {
      const met =
        // Every event offered at the aim's rate was answered, none dropped or refused.
        feedbackPaced.offeredPerSecond >= aims.feedbackPerSecond &&
        feedbackPaced.requests === feedbackPaced.sent &&
        feedbackPaced.latencyMs.p99 <= aims.feedbackP99Ms &&
        feedbackPaced.errors === 0 &&
        feedbackPaced.non2xx === 0 &&
        countedOnce(feedbackPaced)
      notes.push(
        `Feedback with ${feedbackPaced.connections} clients offering ${feedbackPaced.offeredPerSecond} events/s together: ${fixed(feedbackPaced.requestsPerSecond)} events/s served, p99 ${fixed(feedbackPaced.latencyMs.p99)} ms (from when each event was due); ${counts(feedbackPaced)}; aim ≥ ${aims.feedbackPerSecond} events/s offered and every one answered 201, p99 ≤ ${aims.feedbackP99Ms} ms, 0 errors, each counted once: ${mark(met)}.`,
      )
    }
    if (claims) {
      const met =
        claims.errors === 0 &&
        claims.vouchers <= claims.budget &&
        claims.distinctVoucherUsers === claims.vouchers &&
        claims.issued === claims.vouchers
      notes.push(
        `Claims: ${claims.users} distinct users, ${claims.issued} answered 201, ${claims.vouchers} vouchers for ${claims.distinctVoucherUsers} users, budget ${claims.budget}; one per user, never over budget, 0 errors: ${mark(met)}.`,
      )
    }
    section(
      'Center API (SQLite, next start)',
      markdownTable(
        ['request', 'connections', 's', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'statuses', 'errors'],
        loads.map(row),
      ),
      notes.join('\n'),
    )
  }
  const errors = Object.entries(result.errors)
  if (errors.length) out.push('', '## Not measured', '', ...errors.map(([name, reason]) => `- ${name}: ${reason?.split('\n')[0]}`))
  return out.join('\n') + '\n'
}
