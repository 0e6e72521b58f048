import { analyze } from '../../content/ask'
import type { QuestionGroup } from '../../content/centerApi'
import { locales, type Locale } from '../../content/schema'

export type AskedQuestion = { query: string; locale: string; kind: string }

export type { QuestionGroup }

/** How alike two questions must be (shared terms over all their terms) to count as one. */
export const sameQuestion = 0.5

/** Jaccard similarity of two term sets. */
const similarity = (a: Set<string>, b: Set<string>): number => {
  let shared = 0
  for (const term of a) if (b.has(term)) shared++
  return shared / (a.size + b.size - shared || 1)
}

/**
 * Groups the questions the ask box could not answer well, per locale, by the terms they share (the
 * ask box's own analysis, so CJK groups by character pairs and stop words do not count), and lists the groups most asked first.
 */
export function groupQuestions(rows: AskedQuestion[], limit = 20): QuestionGroup[] {
  const groups: { locale: string; terms: Set<string>; rows: AskedQuestion[] }[] = []
  for (const row of rows) {
    const locale = (locales as readonly string[]).includes(row.locale) ? (row.locale as Locale) : 'en'
    const terms = new Set(analyze(row.query, locale))
    const home = groups.find((group) => group.locale === row.locale && similarity(group.terms, terms) >= sameQuestion)
    if (home) home.rows.push(row)
    else groups.push({ locale: row.locale, terms, rows: [row] })
  }
  return groups
    .map(({ locale, rows: members }) => {
      const counts = new Map<string, number>()
      for (const { query } of members) counts.set(query, (counts.get(query) ?? 0) + 1)
      const wordings = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([query]) => query)
      return {
        query: wordings[0]!,
        locale,
        count: members.length,
        unanswered: members.filter((row) => row.kind === 'unanswered').length,
        unhelpful: members.filter((row) => row.kind === 'unhelpful').length,
        wordings,
      }
    })
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
}
