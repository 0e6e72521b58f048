import { describe, expect, test } from 'vitest'

import { locales } from '../../content/schema'
import { translator } from '../../site/src/i18n'
import {
  appendPage,
  formatRate,
  groupByDay,
  helpQueryKey,
  mailtoHref,
  readableRate,
  searchHref,
  statusesOf,
} from '../../site/src/lib/bills'

describe('bills in the island', () => {
  const bill = (id: string, paidAt: string) => ({ id, paidAt })

  test('the refunded chip asks for partly and fully refunded bills, and all asks for everything', () => {
    expect(statusesOf('refunded')).toEqual(['partially_refunded', 'refunded'])
    expect(statusesOf('paid')).toEqual(['paid'])
    expect(statusesOf('all')).toEqual([])
  })

  test("bills are grouped by the day they were paid in the user's time zone", () => {
    const bills = [bill('a', '2026-11-20T09:30:00Z'), bill('b', '2026-11-20T01:00:00Z'), bill('c', '2026-11-19T20:00:00Z')]
    const tokyo = groupByDay(bills, 'en', 'Asia/Tokyo')
    expect(tokyo.map((day) => [day.day, day.bills.map((b) => b.id)])).toEqual([['2026-11-20', ['a', 'b', 'c']]])
    const utc = groupByDay(bills, 'en', 'UTC')
    expect(utc.map((day) => day.bills.length)).toEqual([2, 1])
    expect(utc[0]!.label).toBe('Friday, November 20, 2026')
    expect(groupByDay(bills, 'ja', 'UTC')[0]!.label).toBe('2026年11月20日金曜日')
  })

  test('a later page never shows a bill twice', () => {
    expect(appendPage([bill('a', ''), bill('b', '')], [bill('b', ''), bill('c', '')]).map((b) => b.id)).toEqual(['a', 'b', 'c'])
  })

  test("exchange rates are shown with six significant digits in the locale's format", () => {
    expect(formatRate(0.0520000001, 'en')).toBe('0.052')
    expect(formatRate(1234.56789, 'de')).toBe('1.234,57')
  })

  test('a rate reads in the direction that is at least 1, and a same-currency payment has none', () => {
    expect(readableRate({ from: 'IDR', to: 'KWD', rate: 0.0000189506 })).toEqual({ from: 'KWD', to: 'IDR', rate: 1 / 0.0000189506 })
    expect(readableRate({ from: 'HKD', to: 'JPY', rate: 19.2 })).toEqual({ from: 'HKD', to: 'JPY', rate: 19.2 })
    expect(readableRate({ from: 'JPY', to: 'JPY', rate: 1 })).toBeNull()
  })
})

describe("a bill's Get help", () => {
  test('asks about the refund once a bill has one, else about the payment, in every locale', () => {
    expect(helpQueryKey('paid')).toBe('bills.help.query.paid')
    expect(['partially_refunded', 'refunded'].map((status) => helpQueryKey(status as 'refunded'))).toEqual([
      'bills.help.query.refunded',
      'bills.help.query.refunded',
    ])
    for (const locale of locales) expect(translator(locale)(helpQueryKey('paid') as 'bills.help.query.paid')).not.toBe(helpQueryKey('paid'))
  })

  test('opens the results page with the question and a mail with subject and body that every mail app reads', () => {
    expect(searchHref('/hoshi/ja/search/', '支払いに問題があります')).toBe(
      `/hoshi/ja/search/?q=${encodeURIComponent('支払いに問題があります')}`,
    )
    const href = mailtoHref('help@lumopay.example', 'Bill 1 (Café & Co)', 'Bill number: 1\nWhat happened:\n')
    expect(href).toBe(
      'mailto:help@lumopay.example?subject=Bill%201%20(Caf%C3%A9%20%26%20Co)&body=Bill%20number%3A%201%0AWhat%20happened%3A%0A',
    )
    const url = new URL(href)
    expect(url.searchParams.get('subject')).toBe('Bill 1 (Café & Co)')
  })
})
