import type { Payload, PayloadRequest, TypedUser } from 'payload'

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

/** How far back the admin looks for questions the ask box could not answer well. */
export const lookBackDays = 90

type Id = number | string
const idOf = (value: Id | { id: Id }) => (typeof value === 'object' ? value.id : value)

/**
 * The grouped unanswered and unhelpful questions of the last 90 days, per tenant id, read with the
 * user's access (the multi-tenant plugin keeps it to their MPPs), and to `tenants` when given.
 */
export async function unansweredByTenant(
  payload: Payload,
  user: TypedUser,
  options: { req?: Partial<PayloadRequest>; limit?: number; tenants?: Id[] } = {},
) {
  const { req, limit, tenants } = options
  const since = new Date(Date.now() - lookBackDays * 86_400_000).toISOString()
  const { docs } = await payload.find({
    collection: 'feedback',
    where: {
      and: [
        { kind: { in: ['unanswered', 'unhelpful'] } },
        { createdAt: { greater_than: since } },
        ...(tenants ? [{ tenant: { in: tenants } }] : []),
      ],
    },
    select: { tenant: true, query: true, locale: true, kind: true },
    sort: '-createdAt',
    depth: 0,
    limit: 5000,
    overrideAccess: false,
    user,
    req,
  })
  const rows = new Map<string, AskedQuestion[]>()
  for (const row of docs) {
    if (!row.tenant) continue
    const key = String(idOf(row.tenant))
    rows.set(key, [...(rows.get(key) ?? []), row])
  }
  return (tenant: Id): QuestionGroup[] => groupQuestions(rows.get(String(tenant)) ?? [], limit)
}
