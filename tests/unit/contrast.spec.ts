import { describe, expect, test } from 'vitest'

import { contrastRatio } from '../../cms/lib/contrast'

describe('contrast', () => {
  test('contrast ratios follow WCAG: black on white is 21, white on white 1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1)
  })
})
