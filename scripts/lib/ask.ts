import Fuse from 'fuse.js'
import type { Payload } from 'payload'

import { asker, type AskResult, type SearchFile } from '../../content/ask'
import { locales, type Locale, type Snapshot } from '../../content/schema'
import { searchFile } from '../../site/src/lib/searchIndex'

/** The ask box of one tenant and locale, over the same search file the site ships (sent through JSON, as the browser gets it). */
export function askerFor(snapshot: Snapshot, locale: Locale): (query: string) => AskResult {
  if (!snapshot.tenant.locales.includes(locale))
    throw new Error(`${snapshot.tenant.slug} has no locale "${locale}" (it has ${snapshot.tenant.locales.join(', ')})`)
  return asker(Fuse, JSON.parse(JSON.stringify(searchFile(snapshot, locale))) as SearchFile)
}

/** What `center ask` prints: the island's answer to a question over the tenant's published content, without the answer's text. */
export async function askFromCms(payload: Payload, slug: string, locale: string, question: string) {
  if (!(locales as readonly string[]).includes(locale)) throw new Error(`Unknown locale "${locale}"; the locales are ${locales.join(', ')}`)
  if (!question.trim())
    throw new Error('center ask needs a question, e.g. center ask --tenant lumopay --locale en "how long does a refund take"')
  const { exportSnapshot } = await import('../../cms/publish/exportSnapshot')
  const { match, score, question: matched, url, alternatives } = askerFor(await exportSnapshot(payload, slug), locale as Locale)(question)
  return { match, score, question: matched, url, alternatives }
}

/** One evaluation question: what a user types, in which locale, and the Q&A that answers it (null: the box must say it is not sure). */
export type AskCase = { query: string; locale: Locale; expected: string | null }

export type AskFigures = {
  inScope: number
  top1: number
  top3: number
  outOfScope: number
  refused: number
  misses: { query: string; expected: string | null; got: string[] }[]
}

/** Top-1 and top-3 accuracy over the in-scope questions, and the refusal rate over the out-of-scope ones. */
export function evaluateAsk(snapshot: Snapshot, cases: AskCase[]): AskFigures {
  const askers = new Map(snapshot.tenant.locales.map((locale) => [locale, askerFor(snapshot, locale)]))
  let top1 = 0
  let top3 = 0
  let refused = 0
  const misses: AskFigures['misses'] = []
  for (const { query, locale, expected } of cases) {
    const result = askers.get(locale)!(query)
    const got = result.match ? [result.match, ...result.alternatives.map((a) => a.match)] : []
    if (expected === null) {
      if (!result.match) refused++
      else misses.push({ query, expected, got })
      continue
    }
    if (got[0] === expected) top1++
    else misses.push({ query, expected, got })
    if (got.includes(expected)) top3++
  }
  const inScope = cases.filter((c) => c.expected !== null).length
  const outOfScope = cases.length - inScope
  const rate = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 1000 : 1)
  return { inScope, top1: rate(top1, inScope), top3: rate(top3, inScope), outOfScope, refused: rate(refused, outOfScope), misses }
}
