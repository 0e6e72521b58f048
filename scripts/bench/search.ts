import { asker, searcher, type AskIndex, type IndexSource } from '../../content/ask'
import type { Locale, Snapshot } from '../../content/schema'
import { searchDocs, searchFile } from '../../site/src/lib/searchIndex'
import { latency, sizes, type Latency, type Sizes } from './stats'

/** Scripts written without spaces between words: a query there is a run of characters, not words. */
const unspaced = /[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f]/

/** The longest sample query: users type a few words, and Fuse matches patterns over 32 characters in slower pieces. */
const maxQueryLength = 30

/**
 * Queries as users type them, taken from the index itself so each locale gets its own script:
 * the start of a title, a title with two letters swapped, a keyword or alternative, a phrase from a body.
 */
export function sampleQueries(docs: IndexSource[], count: number): string[] {
  if (!docs.length) return []
  const start = (text: string, words: number, chars: number) =>
    unspaced.test(text) ? text.slice(0, chars) : text.split(' ').slice(0, words).join(' ')
  const swapped = (text: string) => (text.length > 4 ? text.slice(0, 2) + text[3] + text[2] + text.slice(4) : text)
  return Array.from({ length: count }, (_, i) => {
    const doc = docs[(i * 7919) % docs.length]!
    const variants = [
      start(doc.title, 2, 4),
      swapped(start(doc.title, 4, 8)),
      doc.keywords[i % Math.max(doc.keywords.length, 1)] ?? start(doc.phrasings[0] ?? doc.title, 3, 6),
      start(doc.body.slice(Math.floor(doc.body.length / 3)), 3, 6),
    ]
    return variants[i % variants.length]!.replace(/\s+/g, ' ').trim().slice(0, maxQueryLength).trim() || doc.title.slice(0, maxQueryLength)
  })
}

export type SearchFigures = {
  label: string
  docs: number
  index: Sizes
  loadMs: number
  /** The search box's query (every matching guide and Q&A, with highlights). */
  query: Latency
  /** The ask box's answer over the same index. */
  ask: Latency
}

/**
 * The engine as the ask box runs it: decode the prebuilt index once, then time search and ask for
 * each sample query after a short warm-up, going through the sample queries `rounds` times or
 * until `budgetMs` is spent (the count is reported).
 */
export function measureIndex(
  label: string,
  docs: IndexSource[],
  file: AskIndex,
  { queries = 60, rounds = 5, budgetMs = 30_000 } = {},
): SearchFigures {
  const json = JSON.stringify(file)
  const loadStarted = performance.now()
  const parsed = JSON.parse(json) as AskIndex
  const search = searcher(parsed)
  const ask = asker(parsed)
  const loadMs = performance.now() - loadStarted
  const sample = sampleQueries(docs, queries)
  for (const query of sample.slice(0, 5)) {
    search(query)
    ask(query)
  }
  const searchTimes: number[] = []
  const askTimes: number[] = []
  const deadline = performance.now() + budgetMs
  for (let i = 0; i < sample.length * rounds && (i === 0 || performance.now() < deadline); i++) {
    const query = sample[i % sample.length]!
    let started = performance.now()
    search(query)
    searchTimes.push(performance.now() - started)
    started = performance.now()
    ask(query)
    askTimes.push(performance.now() - started)
  }
  return { label, docs: parsed.docs.length, index: sizes(json), loadMs, query: latency(searchTimes), ask: latency(askTimes) }
}

/** The tenant and locale whose index is the largest. */
export function largestIndex(snapshots: Snapshot[]): { snapshot: Snapshot; locale: Locale; file: AskIndex } {
  let best: { snapshot: Snapshot; locale: Locale; file: AskIndex; bytes: number } | undefined
  for (const snapshot of snapshots) {
    for (const locale of snapshot.tenant.locales) {
      const file = searchFile(snapshot, locale)
      const bytes = Buffer.byteLength(JSON.stringify(file))
      if (!best || bytes > best.bytes) best = { snapshot, locale, file, bytes }
    }
  }
  if (!best) throw new Error('No tenant to search')
  return best
}

/** Search and ask on the largest generated tenant-locale index and on a large generated one (5,000 Q&As by default). */
export function measureSearch(snapshots: Snapshot[], large: Snapshot, log: (line: string) => void): SearchFigures[] {
  const { snapshot, locale, file } = largestIndex(snapshots)
  const figures: SearchFigures[] = [
    measureIndex(`largest generated (${snapshot.tenant.slug} ${locale})`, searchDocs(snapshot, locale), file),
  ]
  log(`search: ${figures[0]!.label}, ${figures[0]!.docs} documents`)
  const largeLocale = large.tenant.defaultLocale
  const indexStarted = performance.now()
  const largeFile = searchFile(large, largeLocale)
  log(`search: built the ${large.qas.length}-Q&A index in ${Math.round(performance.now() - indexStarted)} ms`)
  figures.push(measureIndex(`${large.qas.length} Q&As (${largeLocale})`, searchDocs(large, largeLocale), largeFile))
  log(`search: ${figures[1]!.label}, ${figures[1]!.docs} documents`)
  return figures
}
