import { describe, expect, test } from 'vitest'

import { locales } from '../../content/schema'
import { dictionaries, pluralCategories } from '../../site/src/i18n'
import en from '../../site/src/i18n/en.json'

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
