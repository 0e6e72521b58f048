import { describe, expect, test } from 'vitest'

import { locales } from '../../content/schema'
import { dictionaries } from '../../site/src/i18n'
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

describe.each(locales.filter((locale) => locale !== 'en'))('the %s dictionary', (locale) => {
  const dictionary = dictionaries[locale] as Record<string, string>

  test('has every key of the English one, and no other', () => {
    expect(Object.keys(dictionary).sort()).toEqual(Object.keys(en).sort())
  })

  test('is translated: no value is the English one outside the allow-list', () => {
    const untranslated = Object.entries(en)
      .filter(([key, english]) => dictionary[key] === english && !(sameAsEnglish[locale] ?? []).includes(key))
      .map(([key]) => key)
    expect(untranslated).toEqual([])
  })

  test('keeps every placeholder of the English value', () => {
    const broken = Object.entries(en)
      .filter(([key, english]) => JSON.stringify(placeholders(dictionary[key] ?? '')) !== JSON.stringify(placeholders(english)))
      .map(([key]) => key)
    expect(broken).toEqual([])
  })
})
