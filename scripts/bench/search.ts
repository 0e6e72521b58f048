import Fuse from 'fuse.js'

import type { Locale, Snapshot } from '../../content/schema'
import { normalizeQuery, searchKeys, searchLimit, searchOptions, type SearchDoc } from '../../content/search'
import { searchFile } from '../../site/src/lib/searchIndex'
import { latency, percentile, sizes, type Latency, type Sizes } from './stats'

/** Scripts written without spaces between words: a query there is a run of characters, not words. */
const unspaced = /[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f]/

/** The longest sample query: users type a few words, and Fuse matches patterns over 32 characters in slower pieces. */
const maxQueryLength = 30

/**
 * Queries as users type them, taken from the index itself so each locale gets its own script:
 * the start of a title, a title with two letters swapped, a keyword or alternative, a phrase from a body.
 */
export function sampleQueries(docs: SearchDoc[], count: number): string[] {
  if (!docs.length) return []
  const start = (text: string, words: number, chars: number) =>
    unspaced.test(text) ? text.slice(0, chars) : text.split(' ').slice(0, words).join(' ')
  const swapped = (text: string) => (text.length > 4 ? text.slice(0, 2) + text[3] + text[2] + text.slice(4) : text)
  return Array.from({ length: count }, (_, i) => {
    const doc = docs[(i * 7919) % docs.length]!
    const variants = [
      start(doc.title, 2, 4),
      swapped(start(doc.title, 4, 8)),
      doc.keywords[i % Math.max(doc.keywords.length, 1)] ?? start(doc.alternatives[0] ?? doc.title, 3, 6),
      start(doc.body.slice(Math.floor(doc.body.length / 3)), 3, 6),
    ]
    return (
      normalizeQuery(variants[i % variants.length]!)
        .slice(0, maxQueryLength)
        .trim() || doc.title.slice(0, maxQueryLength)
    )
  })
}

export type SearchFigures = {
  label: string
  docs: number
  index: Sizes
  loadMs: number
  query: Latency
  /** p50 of the same queries over one field at a time: which fields the time goes to. */
  perKeyP50Ms?: Record<string, number>
}

/**
 * Fuse.js as the search island uses it: load the prebuilt index once, then time each query after
 * a short warm-up, going through the sample queries up to `rounds` times or until `budgetMs` is spent
 * (a slow index gets fewer timed queries; the count is reported).
 */
export function measureIndex(
  label: string,
  file: ReturnType<typeof searchFile>,
  { queries = 40, rounds = 3, budgetMs = 45_000 } = {},
): SearchFigures {
  const json = JSON.stringify(file)
  const loadStarted = performance.now()
  const parsed = JSON.parse(json) as typeof file
  const fuse = new Fuse(parsed.docs, searchOptions, Fuse.parseIndex<SearchDoc>(parsed.index))
  const loadMs = performance.now() - loadStarted
  const sample = sampleQueries(parsed.docs, queries)
  for (const query of sample.slice(0, 3)) fuse.search(query, { limit: searchLimit })
  const times: number[] = []
  const deadline = performance.now() + budgetMs
  for (let i = 0; i < sample.length * rounds && (i === 0 || performance.now() < deadline); i++) {
    const started = performance.now()
    fuse.search(sample[i % sample.length]!, { limit: searchLimit })
    times.push(performance.now() - started)
  }
  return { label, docs: parsed.docs.length, index: sizes(json), loadMs, query: latency(times) }
}

/** The p50 of the sample queries when Fuse searches one field only, for each field the index has. */
export function perKeyLatency(docs: SearchDoc[], queries = 40): Record<string, number> {
  const sample = sampleQueries(docs, queries)
  return Object.fromEntries(
    searchKeys.map(({ name }) => {
      const fuse = new Fuse(docs, { ...searchOptions, keys: [name] })
      for (const query of sample.slice(0, 3)) fuse.search(query, { limit: searchLimit })
      const times = sample.map((query) => {
        const started = performance.now()
        fuse.search(query, { limit: searchLimit })
        return performance.now() - started
      })
      return [name, percentile(times, 50)]
    }),
  )
}

/** The tenant and locale whose search file is the largest. */
export function largestIndex(snapshots: Snapshot[]): { snapshot: Snapshot; locale: Locale; file: ReturnType<typeof searchFile> } {
  let best: { snapshot: Snapshot; locale: Locale; file: ReturnType<typeof searchFile>; bytes: number } | undefined
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

/** Search on the largest generated tenant-locale index and on a large generated one (5,000 Q&As by default). */
export function measureSearch(snapshots: Snapshot[], large: Snapshot, log: (line: string) => void): SearchFigures[] {
  const { snapshot, locale, file } = largestIndex(snapshots)
  const figures: SearchFigures[] = [
    { ...measureIndex(`largest generated (${snapshot.tenant.slug} ${locale})`, file), perKeyP50Ms: perKeyLatency(file.docs) },
  ]
  log(`search: ${figures[0]!.label}, ${figures[0]!.docs} documents`)
  const largeLocale = large.tenant.defaultLocale
  figures.push(measureIndex(`${large.qas.length} Q&As (${largeLocale})`, searchFile(large, largeLocale)))
  log(`search: ${figures[1]!.label}, ${figures[1]!.docs} documents`)
  return figures
}
