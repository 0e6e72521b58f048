/**
 * Fits the ask box's confidence on the tuning half of the blind set, never on the held-out half:
 * ranks every tuning question once per BM25 weight, then sweeps the answer, margin, sure and
 * suggestion thresholds and prints the best few settings by their worst locale
 * (`npx tsx scripts/tuneAsk.ts`). The chosen values go into `defaultTuning` in content/ask/engine.ts.
 */
import { join } from 'node:path'

import { rootDir } from '../cms/env'
import { AskEngine, defaultTuning, type AskTuning } from '../content/ask'
import { readSnapshots } from '../content/files'
import { indexFor, readCases } from './lib/ask'

const dir = join(rootDir, 'tests', 'fixtures', 'ask-eval-blind')
type Ranked = { slug: string; coverage: number; score: number }[]
type Row = { group: string; expected: string | null; ranked: Ranked }

function rankAll(bm25: number): Row[] {
  const rows: Row[] = []
  for (const snapshot of readSnapshots().filter((s) => ['lumopay', 'hoshi', 'nakhla'].includes(s.tenant.slug))) {
    const cases = readCases(join(dir, `${snapshot.tenant.slug}.jsonl`)).filter((c) => c.half === 'tune')
    for (const locale of snapshot.tenant.locales) {
      const engine = new AskEngine(indexFor(snapshot, locale))
      for (const c of cases.filter((c) => c.locale === locale)) {
        const ranked = engine
          .rank(c.query, { ...defaultTuning, bm25 }, ['qa'])
          .map((r) => ({ slug: engine.docs[r.doc]!.slug, coverage: r.coverage, score: r.score }))
        rows.push({ group: `${snapshot.tenant.slug} ${locale}`, expected: c.expected, ranked })
      }
    }
  }
  return rows
}

/** What the box would do with one ranking under a tuning: mirrors asker() in content/ask/index.ts. */
function decide(ranked: Ranked, t: AskTuning): { match: string | null; shown: string[] } {
  const [best, second] = ranked
  if (!best) return { match: null, shown: [] }
  const likely = ranked.filter((r) => r.coverage >= t.suggest).map((r) => r.slug)
  const lead = best.score - (second?.score ?? 0)
  if (best.coverage >= t.sure || (best.coverage >= t.answer && lead >= t.margin))
    return { match: best.slug, shown: [best.slug, ...likely.filter((s) => s !== best.slug).slice(0, 2)] }
  return { match: null, shown: likely.slice(0, 3) }
}

function score(rows: Row[], t: AskTuning) {
  const groups = new Map<string, { n: number; top1: number; shown: number; wrong: number; out: number; refused: number }>()
  for (const row of rows) {
    const g = groups.get(row.group) ?? { n: 0, top1: 0, shown: 0, wrong: 0, out: 0, refused: 0 }
    const { match, shown } = decide(row.ranked, t)
    if (row.expected === null) {
      g.out++
      if (!match) g.refused++
    } else {
      g.n++
      if (match === row.expected) g.top1++
      else if (match) g.wrong++
      if (shown.includes(row.expected)) g.shown++
    }
    groups.set(row.group, g)
  }
  const per = [...groups.values()].map((g) => ({
    top1: g.top1 / g.n,
    shown: g.shown / g.n,
    wrong: g.wrong / g.n,
    refused: g.refused / g.out,
  }))
  const mean = (k: keyof (typeof per)[number]) => per.reduce((s, p) => s + p[k], 0) / per.length
  // Right answers count, confident wrong answers cost three times as much, a refusal rate under 90 % costs.
  const objective = mean('top1') + 0.5 * mean('shown') - 3 * mean('wrong') - 2 * Math.max(0, 0.9 - mean('refused'))
  return {
    objective,
    top1: mean('top1'),
    shown: mean('shown'),
    wrong: mean('wrong'),
    refused: mean('refused'),
    worstTop1: Math.min(...per.map((p) => p.top1)),
  }
}

const results: { t: AskTuning; s: ReturnType<typeof score> }[] = []
for (const bm25 of [0.1, 0.2, 0.4, 0.8]) {
  const rows = rankAll(bm25)
  for (const answer of [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7])
    for (const margin of [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3])
      for (const sure of [0.75, 0.85, 0.95, 1.01])
        for (const suggest of [0.25, 0.3, 0.35, 0.4]) {
          const t = { bm25, answer, margin, sure, suggest }
          results.push({ t, s: score(rows, t) })
        }
}
results.sort((a, b) => b.s.objective - a.s.objective)
const pct = (x: number) => (x * 100).toFixed(1)
for (const { t, s } of results.slice(0, 8))
  console.log(
    JSON.stringify(t),
    `top-1 ${pct(s.top1)} shown ${pct(s.shown)} wrong ${pct(s.wrong)} refused ${pct(s.refused)} worst top-1 ${pct(s.worstTop1)}`,
  )
if (process.argv.includes('--top1')) {
  console.log('best top-1 with confident-wrong ≤ 5 % and refusal ≥ 85 %:')
  for (const { t, s } of results
    .filter((r) => r.s.wrong <= 0.05 && r.s.refused >= 0.85)
    .sort((a, b) => b.s.top1 - a.s.top1)
    .slice(0, 5))
    console.log(
      JSON.stringify(t),
      `top-1 ${pct(s.top1)} shown ${pct(s.shown)} wrong ${pct(s.wrong)} refused ${pct(s.refused)} worst top-1 ${pct(s.worstTop1)}`,
    )
}
