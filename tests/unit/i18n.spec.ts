import { describe, expect, test } from 'vitest'

import { locales } from '../../content/schema'
import {
  agreementScopes,
  agreementStatuses,
  billStatuses,
  cancellationRefusals,
  cancelReasons,
  paymentMethods,
  refundReasons,
} from '../../mpp/contract/schema'
import { dictionaries, format, pick, pluralCategories, translator } from '../../site/src/i18n'
import en from '../../site/src/i18n/en.json'
import { translate } from '../../site/src/i18n/format'
import { failureKey } from '../../site/src/lib/mppErrors'

/**
 * Values that are rightly the same as the English one: brand terms and codes, and words these
 * languages use as they are (the translators' notes: "Status" and "Tutorial" in Indonesian and Malay).
 */
const sameAsEnglish: Record<string, string[]> = {
  id: ['mpp.status', 'rewards.tutorial.heading'],
  ms: ['mpp.status', 'rewards.tutorial.heading'],
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

/**
 * Strings with plural variants: their keys end in a plural category (`rewards.left.one`). English has
 * `.one` and `.other` for each (codes such as `bills.refund.reason.other` have no `.one`).
 */
const pluralBases = Object.keys(en).flatMap((key) =>
  key.endsWith('.one') && `${key.slice(0, -'.one'.length)}.other` in en ? [key.slice(0, -'.one'.length)] : [],
)
const variantOf = (key: string) => {
  const [, base, category] = /^(.+)\.(zero|one|two|few|many|other)$/.exec(key) ?? []
  return base && pluralBases.includes(base) ? { base, category: category! } : null
}
const singular = (dictionary: Record<string, string>) => Object.keys(dictionary).filter((key) => !variantOf(key))

describe.each(locales)('the plural strings of %s', (locale) => {
  const dictionary = dictionaries[locale] as Record<string, string>

  test("have exactly the categories the locale's plural rules produce", () => {
    const categories = pluralCategories(locale)
    for (const base of pluralBases) {
      const held = Object.keys(dictionary).filter((key) => variantOf(key)?.base === base)
      expect(held.sort(), base).toEqual(categories.map((category) => `${base}.${category}`).sort())
    }
  })

  test("keep English's placeholders, and {count} wherever the number is not spelled out (zero, one, two)", () => {
    const broken = Object.keys(dictionary).filter((key) => {
      const variant = variantOf(key)
      if (!variant) return false
      const own = placeholders(dictionary[key]!)
      const english = placeholders(en[`${variant.base}.other` as keyof typeof en])
      const needsCount = !['zero', 'one', 'two'].includes(variant.category)
      return (
        JSON.stringify(own.filter((p) => p !== 'count')) !== JSON.stringify(english.filter((p) => p !== 'count')) ||
        (needsCount && !own.includes('count'))
      )
    })
    expect(broken).toEqual([])
  })
})

describe.each(locales.filter((locale) => locale !== 'en'))('the %s dictionary', (locale) => {
  const dictionary = dictionaries[locale] as Record<string, string>

  test('has every key of the English one, and no other (plural variants aside, checked above)', () => {
    expect(singular(dictionary).sort()).toEqual(singular(en).sort())
  })

  test('is translated: no value is the English one outside the allow-list', () => {
    const untranslated = Object.entries(en)
      .filter(([key, english]) => dictionary[key] === english && !(sameAsEnglish[locale] ?? []).includes(key))
      .map(([key]) => key)
    const englishVariants = new Set(Object.entries(en).flatMap(([key, value]) => (variantOf(key) ? [value] : [])))
    const untranslatedVariants = Object.keys(dictionary).filter((key) => variantOf(key) && englishVariants.has(dictionary[key]!))
    expect([...untranslated, ...untranslatedVariants]).toEqual([])
  })

  test('keeps every placeholder of the English value', () => {
    const broken = Object.entries(en)
      .filter(([key]) => !variantOf(key))
      .filter(([key, english]) => JSON.stringify(placeholders(dictionary[key] ?? '')) !== JSON.stringify(placeholders(english)))
      .map(([key]) => key)
    expect(broken).toEqual([])
  })
})

describe('UI strings', () => {
  test('each locale speaks its own language', () => {
    expect(translator('th')('nav.bills')).not.toBe(translator('en')('nav.bills'))
    expect(translator('ja')('nav.bills')).toBe('明細')
  })

  test('every failure an MPP call can have has a message in every dictionary', () => {
    for (const kind of ['unauthorized', 'not-found', 'refused', 'timeout', 'unavailable', 'invalid-response'] as const) {
      expect(Object.keys(en)).toContain(failureKey(kind))
    }
  })

  test('every code the MPP API can send is worded in every dictionary, so no screen shows a code or English', () => {
    const keys = [
      ...billStatuses.map((code) => `bills.status.${code}`),
      ...refundReasons.map((code) => `bills.refund.reason.${code}`),
      ...paymentMethods.map((code) => `bills.method.${code}`),
      ...agreementStatuses.map((code) => `agreements.status.${code}`),
      ...agreementScopes.map((code) => `agreements.scope.${code}`),
      ...cancellationRefusals.map((code) => `agreements.refused.reason.${code}`),
      ...cancelReasons.map((code) => `agreements.survey.${code}`),
    ]
    const missing = locales.flatMap((locale) =>
      keys.filter((key) => !(dictionaries[locale] as Record<string, string>)[key]).map((key) => `${locale} ${key}`),
    )
    expect(missing).toEqual([])
  })

  test('an island gets only the strings under its prefixes, with build-time values filled', () => {
    const strings = pick('ja', ['agreements.', 'mpp.'], { mpp: 'Hoshi Wallet' })
    expect(Object.keys(strings).every((key) => key.startsWith('agreements.') || key.startsWith('mpp.'))).toBe(true)
    expect(strings['mpp.error.unauthorized']).toBe('セッションが終了しました。Hoshi Wallet アプリからもう一度開いてください。')
    expect(translate(strings)('agreements.done.cancelled', { merchant: 'Spotify' })).toBe('Spotify との契約を解約しました。')
    expect(translate(strings)('merchant.category.unknown', {}, 'unknown')).toBe('unknown')
  })

  test('placeholders are filled and unknown ones are left visible', () => {
    expect(format('Open {mpp} to see {what}', { mpp: 'LumoPay' })).toBe('Open LumoPay to see {what}')
  })
})
