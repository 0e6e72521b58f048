/**
 * Tunes the ask box on the evaluation set: prints top-1, top-3 and the refusal rate per MPP for a
 * range of answer thresholds (`npx tsx scripts/tuneAsk.ts`, `-v` lists the misses at the current one).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Fuse from 'fuse.js'

import { rootDir } from '../cms/env'
import { answerThreshold, asker, type SearchFile } from '../content/ask'
import { readSnapshots } from '../content/files'
import { searchFile } from '../site/src/lib/searchIndex'
import type { AskCase } from './lib/ask'

const evalDir = join(rootDir, 'tests', 'fixtures', 'ask-eval')
type Row = AskCase & { tenant: string; ranked: { match: string; score: number }[] }
const rows: Row[] = []
for (const snapshot of readSnapshots().filter((s) => existsSync(join(evalDir, `${s.tenant.slug}.json`)))) {
  const cases = JSON.parse(readFileSync(join(evalDir, `${snapshot.tenant.slug}.json`), 'utf8')) as AskCase[]
  // No limits: every candidate with its confidence, so thresholds can be swept without asking again.
  const askers = new Map(
    snapshot.tenant.locales.map((locale) => [
      locale,
      asker(Fuse, JSON.parse(JSON.stringify(searchFile(snapshot, locale))) as SearchFile, { answer: 0, alternative: 0 }),
    ]),
  )
  for (const c of cases) {
    const result = askers.get(c.locale)!(c.query)
    const ranked = result.match ? [{ match: result.match, score: result.score }, ...result.alternatives] : []
    rows.push({ ...c, tenant: snapshot.tenant.slug, ranked })
  }
}
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`
for (const threshold of [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]) {
  const line = [...new Set(rows.map((r) => r.tenant))].map((tenant) => {
    const mine = rows.filter((r) => r.tenant === tenant)
    const answered = (r: Row) => r.ranked[0] && r.ranked[0].score >= threshold
    const inScope = mine.filter((r) => r.expected)
    const outOfScope = mine.filter((r) => !r.expected)
    const top1 = inScope.filter((r) => answered(r) && r.ranked[0].match === r.expected).length
    const top3 = inScope.filter((r) => answered(r) && r.ranked.slice(0, 3).some((c) => c.match === r.expected)).length
    return `${tenant} top1 ${pct(top1, inScope.length)} top3 ${pct(top3, inScope.length)} refused ${pct(outOfScope.filter((r) => !answered(r)).length, outOfScope.length)}`
  })
  console.log(threshold.toFixed(2), line.join(' | '))
}
if (process.argv.includes('-v')) {
  for (const r of rows) {
    const answered = r.ranked[0] && r.ranked[0].score >= answerThreshold ? r.ranked[0].match : null
    if (answered !== r.expected)
      console.log(`${r.tenant} ${r.locale} "${r.query}" expected ${r.expected} got ${JSON.stringify(r.ranked.slice(0, 3))}`)
  }
}
