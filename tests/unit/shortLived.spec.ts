import { afterEach, describe, expect, test, vi } from 'vitest'

import { shortLived } from '../../cms/lib/shortLived'

afterEach(() => {
  vi.useRealTimers()
})

describe('a short-lived cache', () => {
  test('loads a key once within its time to live, and again after it', async () => {
    vi.useFakeTimers()
    const cached = shortLived<string>(5_000)
    const load = vi.fn(async () => `loaded ${load.mock.calls.length}`)
    await expect(cached('hoshi', load)).resolves.toBe('loaded 1')
    vi.advanceTimersByTime(4_999)
    await expect(cached('hoshi', load)).resolves.toBe('loaded 1')
    vi.advanceTimersByTime(1)
    await expect(cached('hoshi', load)).resolves.toBe('loaded 2')
    expect(load).toHaveBeenCalledTimes(2)
  })

  test('callers asking at the same moment share one load, and each key has its own', async () => {
    const cached = shortLived<string>(5_000)
    const load = vi.fn(async () => 'tenant')
    const answers = await Promise.all([cached('lumopay', load), cached('lumopay', load), cached('hoshi', load)])
    expect(answers).toEqual(['tenant', 'tenant', 'tenant'])
    expect(load).toHaveBeenCalledTimes(2)
  })

  test('a failed load reaches its callers and is not kept: the next caller loads again', async () => {
    const cached = shortLived<string>(5_000)
    await expect(cached('lumopay', () => Promise.reject(new Error('database is locked')))).rejects.toThrow('database is locked')
    await expect(cached('lumopay', async () => 'tenant')).resolves.toBe('tenant')
  })
})
