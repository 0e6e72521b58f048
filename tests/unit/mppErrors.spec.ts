import { describe, expect, test, vi } from 'vitest'

import { MppError } from '../../mpp/contract/client'
import { failureKind } from '../../site/src/lib/mppErrors'

describe('MPP failures in the island', () => {
  test('an MPP failure is told by its kind; anything else is a bug reported to the console', () => {
    expect(failureKind(new MppError('timeout', 'slow'))).toBe('timeout')
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(failureKind(new TypeError('x is undefined'))).toBe('unavailable')
    expect(report).toHaveBeenCalledOnce()
    report.mockRestore()
  })
})
