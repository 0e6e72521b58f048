import { describe, expect, test } from 'vitest'

import { direction, languageName } from '../../site/src/lib/languages'

describe('languages', () => {
  test('Arabic reads right to left, every other locale left to right', () => {
    expect(direction('ar')).toBe('rtl')
    expect((['en', 'zh-Hant', 'ja', 'th', 'fil'] as const).map(direction)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr'])
  })

  test("a language is named in its own words, or in another locale's", () => {
    expect(languageName('ja')).toBe('日本語')
    expect(languageName('ja', 'en')).toBe('Japanese')
    expect(languageName('zh-Hant', 'en')).toBe('Traditional Chinese')
  })
})
