import { describe, expect, test, vi } from 'vitest'

import { isBusy, retryWhenBusy } from '../../cms/database'

const busy = () => Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' })

describe('the database layer retrying a write while SQLite is busy', () => {
  test('"database is locked" is told by its code or message, also as the cause of a wrapping error', () => {
    expect(isBusy(busy())).toBe(true)
    expect(isBusy({ code: 'SQLITE_BUSY_SNAPSHOT' })).toBe(true)
    expect(isBusy(new Error('Failed query', { cause: new Error('SQLITE_BUSY: database is locked') }))).toBe(true)
    expect(isBusy(new Error('UNIQUE constraint failed: vouchers.key'))).toBe(false)
    expect(isBusy(undefined)).toBe(false)
  })

  test('a write that meets a busy database is run again until it succeeds', async () => {
    const write = vi.fn().mockRejectedValueOnce(busy()).mockRejectedValueOnce(busy()).mockResolvedValue('written')
    await expect(retryWhenBusy(write)).resolves.toBe('written')
    expect(write).toHaveBeenCalledTimes(3)
  })

  test('any other error is thrown at once, and a database busy for every attempt gives up with its error', async () => {
    const duplicate = new Error('UNIQUE constraint failed: vouchers.key')
    const refused = vi.fn().mockRejectedValue(duplicate)
    await expect(retryWhenBusy(refused)).rejects.toBe(duplicate)
    expect(refused).toHaveBeenCalledOnce()
    const locked = vi.fn().mockRejectedValue(busy())
    await expect(retryWhenBusy(locked, 2)).rejects.toThrow('SQLITE_BUSY')
    expect(locked).toHaveBeenCalledTimes(2)
  })
})
