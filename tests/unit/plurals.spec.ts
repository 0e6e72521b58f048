import { describe, expect, test } from 'vitest'

import { pick, translator } from '../../site/src/i18n'
import { dateLocale, formatDateTime, translateCount } from '../../site/src/i18n/format'
import { formatDate } from '../../site/src/lib/content'

const unisolated = (text: string) => text.replace(/[\u2066-\u2069]/g, '')

describe('counts', () => {
  test('English says "1 voucher left" and "5 vouchers left", with the locale\'s digit grouping', () => {
    const t = translator('en')
    expect([1, 5, 1999].map((n) => t.count('rewards.left', n))).toEqual(['1 voucher left', '5 vouchers left', '1,999 vouchers left'])
    expect(t.count('rewards.validity', 1)).toBe('Valid for 1 day after you claim it')
    expect(t.count('rewards.validity', 30)).toBe('Valid for 30 days after you claim it')
  })

  test('Arabic uses its six plural forms: zero, one, two, few (3–10), many (11–99) and other', () => {
    const t = translator('ar')
    const left = [0, 1, 2, 5, 11, 100].map((n) => unisolated(t.count('rewards.left', n)))
    expect(left[0]).toBe('لم تتبقَّ أي قسيمة')
    expect(left[1]).toBe('تبقّت قسيمة واحدة')
    expect(left[2]).toBe('تبقّت قسيمتان')
    expect(left[3]).toBe(`تبقّت ${new Intl.NumberFormat('ar').format(5)} قسائم`)
    expect(left[4]).toBe(`تبقّت ${new Intl.NumberFormat('ar').format(11)} قسيمة`)
    expect(left[5]).toBe(`تبقّت ${new Intl.NumberFormat('ar').format(100)} قسيمة`)
  })

  test('languages without plural forms have only "other", and an island gets only its own locale\'s forms', () => {
    expect(translator('ja').count('rewards.left', 1)).toBe('残り 1 枚')
    expect(Object.keys(pick('ja', ['rewards.left']))).toEqual(['rewards.left.other'])
    const ar = pick('ar', ['rewards.left'])
    expect(Object.keys(ar).sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero'].map((c) => `rewards.left.${c}`))
    expect(unisolated(translateCount(ar, 'ar')('rewards.left', 2))).toBe('تبقّت قسيمتان')
    expect(translateCount(pick('fil', ['rewards.left']), 'fil')('rewards.left', 1)).toBe('1 voucher na lang ang natitira')
  })
})

describe('dates', () => {
  test('Thai dates are in the Buddhist era, as Thai wallets show them; other locales use the Gregorian year', () => {
    expect(dateLocale('th')).toBe('th-TH-u-ca-buddhist')
    expect(formatDate('2026-11-20T00:00:00Z', 'th')).toContain('2569')
    expect(formatDateTime('2026-11-20T09:30:00Z', 'th', { dateStyle: 'medium', timeZone: 'UTC' })).toBe('20 พ.ย. 2569')
    expect(formatDate('2026-11-20T00:00:00Z', 'en')).toBe('November 20, 2026')
    expect(formatDate('2026-11-20T00:00:00Z', 'ja')).toBe('2026年11月20日')
  })
})
