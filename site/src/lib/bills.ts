import type { BillStatus, BillSummary } from '../../../mpp/contract/schema'
import { dateLocale } from '../i18n/format'

export const billFilters = ['all', 'paid', 'refunded'] as const
export type BillFilter = (typeof billFilters)[number]

/** The statuses a filter chip asks the MPP for: "refunded" means any refund, partial or full. */
export function statusesOf(filter: BillFilter): BillStatus[] {
  if (filter === 'paid') return ['paid']
  if (filter === 'refunded') return ['partially_refunded', 'refunded']
  return []
}

export type BillDay<T extends Pick<BillSummary, 'paidAt'>> = { day: string; label: string; bills: T[] }

/** Bills grouped by the day they were paid, in the user's time zone, in the order given. */
export function groupByDay<T extends Pick<BillSummary, 'paidAt'>>(bills: T[], locale: string, timeZone?: string): BillDay<T>[] {
  const key = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const label = new Intl.DateTimeFormat(dateLocale(locale), { timeZone, dateStyle: 'full' })
  const days: BillDay<T>[] = []
  for (const bill of bills) {
    const date = new Date(bill.paidAt)
    const day = key.format(date)
    const last = days.at(-1)
    if (last?.day === day) last.bills.push(bill)
    else days.push({ day, label: label.format(date), bills: [bill] })
  }
  return days
}

/** Bills of a later page appended to those shown, without showing one twice. */
export function appendPage<T extends { id: string }>(shown: T[], page: T[]): T[] {
  const seen = new Set(shown.map((bill) => bill.id))
  return [...shown, ...page.filter((bill) => !seen.has(bill.id))]
}

/** An exchange rate as people read it, with up to six significant digits in the locale's format. */
export function formatRate(rate: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 6 }).format(rate)
}

/**
 * The exchange rate in the direction that reads ≥ 1 ("1 KWD = 52,770 IDR", not "1 IDR = 0.0000189 KWD"),
 * or null on a same-currency payment, where "1 JPY = 1 JPY" says nothing.
 */
export function readableRate(exchangeRate: { from: string; to: string; rate: number }): { from: string; to: string; rate: number } | null {
  const { from, to, rate } = exchangeRate
  if (from === to) return null
  return rate >= 1 ? exchangeRate : { from: to, to: from, rate: 1 / rate }
}

/** The question "Find answers" asks about a bill: about its refund once it has one, else about the payment. */
export const helpQueryKey = (status: BillStatus): string => (status === 'paid' ? 'bills.help.query.paid' : 'bills.help.query.refunded')

/** The results page answering a question: /<tenant>/<locale>/search/?q=… */
export const searchHref = (searchPath: string, question: string): string => `${searchPath}?q=${encodeURIComponent(question)}`

/** A mail link with its subject and body filled in, encoded as RFC 6068 asks (a space is %20, never "+"). */
export const mailtoHref = (email: string, subject: string, body: string): string =>
  `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`
