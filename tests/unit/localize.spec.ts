import { describe, expect, test } from 'vitest'

import { localize } from '../../site/src/lib/localize'

describe('localized content', () => {
  test("a missing translation falls back to the tenant's default locale and says so", () => {
    expect(localize({ ja: '返金' }, 'en', { defaultLocale: 'ja' })).toEqual({ text: '返金', fallback: true })
    expect(localize({ ja: '返金', en: 'Refunds' }, 'en', { defaultLocale: 'ja' })).toEqual({ text: 'Refunds', fallback: false })
  })
})
