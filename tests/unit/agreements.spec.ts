import { describe, expect, test } from 'vitest'

import { MppError } from '../../mpp/contract/client'
import type { Agreement } from '../../mpp/contract/schema'
import { demoAgreements } from '../../mpp/sandbox/demoData'
import { authorizedNow, cancelledNow, newIdempotencyKey, optimistic, replaceAgreement } from '../../site/src/lib/agreements'

describe('agreements in the island', () => {
  const [spotify, tepco] = demoAgreements('lumopay', 'u1').map((demo) => demo.agreement) as [Agreement, Agreement]
  const now = new Date('2026-11-25T10:00:00Z')

  function listHolder(initial: Agreement[]) {
    let list = initial
    const seen: Agreement[][] = []
    return {
      update: (change: (current: Agreement[]) => Agreement[]) => {
        list = change(list)
        seen.push(list)
      },
      get list() {
        return list
      },
      seen,
    }
  }

  test('a cancel or an authorization is a new state of the same agreement, the others untouched', () => {
    expect(cancelledNow(spotify, now)).toMatchObject({ id: spotify.id, status: 'cancelled', cancelledAt: '2026-11-25T10:00:00.000Z' })
    expect(authorizedNow(tepco, now)).toMatchObject({ status: 'active', authorizedAt: '2026-11-25T10:00:00.000Z' })
    expect(replaceAgreement([spotify, tepco], cancelledNow(tepco, now))).toEqual([spotify, cancelledNow(tepco, now)])
  })

  test("the list shows the change at once and keeps the MPP's answer", async () => {
    const holder = listHolder([spotify, tepco])
    const confirmed = { ...cancelledNow(spotify, now), cancelledAt: '2026-11-25T10:00:01.000Z' }
    await optimistic(holder.update, spotify, cancelledNow(spotify, now), async () => confirmed)
    expect(holder.seen[0]![0]!.status).toBe('cancelled')
    expect(holder.list[0]).toEqual(confirmed)
  })

  test('the list rolls back when the MPP refuses, and the refusal reaches the caller', async () => {
    const holder = listHolder([spotify, tepco])
    const refusal = new MppError('refused', 'Electricity contracts can only be ended with the supplier.', undefined, 'merchant_managed')
    await expect(optimistic(holder.update, tepco, cancelledNow(tepco, now), () => Promise.reject(refusal))).rejects.toBe(refusal)
    expect(holder.seen[0]![1]!.status).toBe('cancelled')
    expect(holder.list).toEqual([spotify, tepco])
  })

  test('idempotency keys are fresh 128-bit hex strings', () => {
    const key = newIdempotencyKey()
    expect(key).toMatch(/^[0-9a-f]{32}$/)
    expect(newIdempotencyKey()).not.toBe(key)
  })
})
