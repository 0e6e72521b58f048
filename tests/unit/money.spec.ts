import { describe, expect, test } from 'vitest'

import { formatAmount, minorDigits } from '../../mpp/contract/money'

describe('money', () => {
  test('minor units follow ISO 4217: JPY and KRW have none, KWD three', () => {
    expect([minorDigits('JPY'), minorDigits('KRW'), minorDigits('USD'), minorDigits('KWD')]).toEqual([0, 0, 2, 3])
  })

  test('amounts are formatted from minor units', () => {
    expect(formatAmount({ currency: 'JPY', value: 1200 }, 'en')).toBe('¥1,200')
    expect(formatAmount({ currency: 'KWD', value: 6500 }, 'en')).toBe('KWD\u00a06.500')
    expect(formatAmount({ currency: 'HKD', value: 11760 }, 'en')).toBe('HK$117.60')
  })
})
