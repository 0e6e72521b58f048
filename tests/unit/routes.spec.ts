import { describe, expect, test } from 'vitest'

import { centerPath } from '../../site/src/lib/routes'

describe('Center paths', () => {
  test('Center paths always end with a slash', () => {
    expect(centerPath('lumopay', 'zh-Hans', 'guides', 'pay-online')).toBe('/lumopay/zh-Hans/guides/pay-online/')
  })
})
