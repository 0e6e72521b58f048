import { readFileSync } from 'node:fs'
import type { Payload } from 'payload'
import { z } from 'zod'

import { asker, defaultTuning, type AskIndex, type AskResult, type AskTuning } from '../../content/ask'
import { locales, type Locale, type Snapshot } from '../../content/schema'
import { searchFile } from '../../site/src/lib/searchIndex'

/** The index of one tenant and locale as the site ships it (sent through JSON, as the browser gets it). */
export function indexFor(snapshot: Snapshot, locale: Locale): AskIndex {
  if (!snapshot.tenant.locales.includes(locale))
    throw new Error(`${snapshot.tenant.slug} has no locale "${locale}" (it has ${snapshot.tenant.locales.join(', ')})`)
  return JSON.parse(JSON.stringify(searchFile(snapshot, locale))) as AskIndex
}

/** The ask box of one tenant and locale, over the same index the site ships. */
export function askerFor(snapshot: Snapshot, locale: Locale, tuning: AskTuning = defaultTuning): (query: string) => AskResult {
  return asker(indexFor(snapshot, locale), tuning)
}

/** The published content of one MPP, from the CMS. */
export async function publishedSnapshot(payload: Payload, slug: string): Promise<Snapshot> {
  const { exportSnapshot } = await import('../../cms/publish/exportSnapshot')
  return exportSnapshot(payload, slug)
}

export function checkLocale(locale: string): Locale {
  if (!(locales as readonly string[]).includes(locale)) throw new Error(`Unknown locale "${locale}"; the locales are ${locales.join(', ')}`)
  return locale as Locale
}

/** One evaluation question: what a user types, in which locale, and the Q&A that answers it (null: the box must not answer). */
export const askCase = z.object({
  tenant: z.string().optional(),
  locale: z.enum(locales),
  query: z.string(),
  expected: z.string().nullable(),
  kind: z.enum(['in', 'out', 'near']).optional(),
  half: z.enum(['tune', 'heldout']).optional(),
})
export type AskCase = z.infer<typeof askCase>

/** Reads an evaluation file: JSON lines (the blind set) or one JSON array (the old set); a bad line is named. */
export function readCases(file: string, tenant?: string): AskCase[] {
  const text = readFileSync(file, 'utf8')
  const rows: unknown[] = text.trimStart().startsWith('[')
    ? (JSON.parse(text) as unknown[])
    : text
        .split('\n')
        .map((line, i) => [line, i] as const)
        .filter(([line]) => line.trim())
        .map(([line, i]) => {
          try {
            return JSON.parse(line) as unknown
          } catch {
            throw new Error(`${file}:${i + 1} is not JSON`)
          }
        })
  return rows.map((row, i) => {
    const parsed = askCase.safeParse(row)
    if (!parsed.success) throw new Error(`${file}: case ${i + 1}: ${parsed.error.issues[0]?.message}`)
    return { ...parsed.data, tenant: parsed.data.tenant ?? tenant }
  })
}

/** What one locale scores (rates from 0 to 1). */
export type AskFigures = {
  tenant: string
  locale: Locale
  inScope: number
  /** The answer given is the right one. */
  top1: number
  /** The right one is the answer or among what the box shows beside it or instead of it. */
  shown: number
  /** An in-scope question answered with a wrong Q&A. */
  confidentWrong: number
  outOfScope: number
  /** Out-of-scope and near-miss questions given no answer (suggestions may be shown). */
  refused: number
  misses: { query: string; expected: string | null; got: string | null; shown: string[] }[]
}

const rate = (n: number, of: number) => (of ? n / of : 1)

/** Asks every case of one tenant and scores it per locale. */
export function evaluateAsk(snapshot: Snapshot, cases: AskCase[], tuning: AskTuning = defaultTuning): AskFigures[] {
  const figures: AskFigures[] = []
  for (const locale of snapshot.tenant.locales) {
    const mine = cases.filter((c) => c.locale === locale)
    if (!mine.length) continue
    const ask = askerFor(snapshot, locale, tuning)
    let top1 = 0
    let shown = 0
    let wrong = 0
    let refused = 0
    const misses: AskFigures['misses'] = []
    for (const { query, expected } of mine) {
      const result = ask(query)
      const seen = [...(result.match ? [result.match] : []), ...result.alternatives.map((a) => a.match)]
      if (expected === null) {
        if (!result.match) refused++
        else misses.push({ query, expected, got: result.match, shown: seen })
        continue
      }
      if (result.match === expected) top1++
      else {
        if (result.match) wrong++
        misses.push({ query, expected, got: result.match, shown: seen })
      }
      if (seen.includes(expected)) shown++
    }
    const inScope = mine.filter((c) => c.expected !== null).length
    const outOfScope = mine.length - inScope
    figures.push({
      tenant: snapshot.tenant.slug,
      locale,
      inScope,
      top1: rate(top1, inScope),
      shown: rate(shown, inScope),
      confidentWrong: rate(wrong, inScope),
      outOfScope,
      refused: rate(refused, outOfScope),
      misses,
    })
  }
  return figures
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`.padStart(8)

/** The evaluation table, one line per MPP and locale. */
export function figuresTable(figures: AskFigures[]): string {
  const head = ['MPP', 'locale', 'in', 'top-1', 'shown', 'wrong', 'out', 'refused']
  const lines = figures.map((f) => [
    f.tenant.padEnd(8),
    f.locale.padEnd(7),
    String(f.inScope).padStart(4),
    pct(f.top1),
    pct(f.shown),
    pct(f.confidentWrong),
    String(f.outOfScope).padStart(4),
    pct(f.refused),
  ])
  return [
    head.map((h, i) => (i < 2 ? h.padEnd(i ? 7 : 8) : h.padStart(i === 2 || i === 6 ? 4 : 8))).join('  '),
    ...lines.map((l) => l.join('  ')),
  ].join('\n')
}
