import SwaggerParser from '@apidevtools/swagger-parser'
import { SignJWT } from 'jose'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

import { demoBills } from '../../mpp/demoData'
import { signingKey } from '../../mpp/keys'
import { formatAmount, minorDigits } from '../../mpp/money'
import { pageOfBills } from '../../mpp/sandbox'
import { billSchema } from '../../mpp/schema'
import { issueToken, verifyToken } from '../../mpp/tokens'
import { resolveMppBaseUrl } from '../../scripts/lib/sandboxOrigin'

describe('the MPP API contract', () => {
  test('mpp/openapi.yaml is a valid OpenAPI 3.1 document', async () => {
    const api = await SwaggerParser.validate(fileURLToPath(new URL('../../mpp/openapi.yaml', import.meta.url)))
    expect((api as { openapi?: string }).openapi).toBe('3.1.0')
    expect(Object.keys(api.paths ?? {})).toContain('/v1/bills')
  })
})

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

describe('sandbox demo data', () => {
  test('is the same for the same tenant and user, and different for another user', () => {
    expect(demoBills('lumopay', 'u1')).toEqual(demoBills('lumopay', 'u1'))
    expect(demoBills('lumopay', 'u2')[0]!.id).not.toBe(demoBills('lumopay', 'u1')[0]!.id)
  })

  test('bills match the contract, are newest first and IDR amounts are whole hundreds', () => {
    const bills = demoBills('lumopay', 'u1', 200)
    for (const bill of bills) expect(billSchema.safeParse(bill).success).toBe(true)
    expect(bills.map((b) => b.paidAt)).toEqual([...bills.map((b) => b.paidAt)].sort().reverse())
    for (const bill of bills.filter((b) => b.merchantAmount.currency === 'IDR')) expect(bill.merchantAmount.value % 100).toBe(0)
    expect(new Set(bills.map((b) => b.status))).toEqual(new Set(['paid', 'refunded']))
  })

  test('cursor pages cover every bill once and filters keep only that status', () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = pageOfBills('hoshi', 'u1', new URLSearchParams(cursor ? { cursor, limit: '7' } : { limit: '7' }))
      seen.push(...page.items.map((b) => b.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(demoBills('hoshi', 'u1').map((b) => b.id))
    const refunded = pageOfBills('hoshi', 'u1', new URLSearchParams({ status: 'refunded', limit: '50' }))
    expect(refunded.items.every((b) => b.status === 'refunded')).toBe(true)
  })
})

describe('user tokens', () => {
  test('a token names its user at its own tenant', async () => {
    expect(await verifyToken('lumopay', await issueToken('lumopay', 'u1'))).toBe('u1')
  })

  test('another tenant\'s token is refused', async () => {
    await expect(verifyToken('lumopay', await issueToken('hoshi', 'u1'))).rejects.toThrow(/not signed by this tenant/)
  })

  test('an expired token is refused', async () => {
    await expect(verifyToken('lumopay', await issueToken('lumopay', 'u1', -60))).rejects.toThrow(/expired/)
  })

  test('a token for another audience, or living longer than 15 minutes, is refused', async () => {
    const key = await signingKey('lumopay')
    const now = Math.floor(Date.now() / 1000)
    const wrongAudience = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setIssuer('lumopay').setSubject('u1').setAudience('shop').setExpirationTime(now + 60).sign(key)
    await expect(verifyToken('lumopay', wrongAudience)).rejects.toThrow(/"aud" claim/)
    const longLived = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setIssuer('lumopay').setSubject('u1').setAudience('center').setExpirationTime(now + 3600).sign(key)
    await expect(verifyToken('lumopay', longLived)).rejects.toThrow(/more than 15 minutes/)
    await expect(verifyToken('lumopay', 'not-a-jwt')).rejects.toThrow(/malformed/)
  })
})

describe('sandbox origin', () => {
  test('demo tenants follow the sandbox to its port; real MPPs keep their URL', () => {
    expect(resolveMppBaseUrl('http://localhost:4010/lumopay', 'http://localhost:5123')).toBe('http://localhost:5123/lumopay')
    expect(resolveMppBaseUrl('https://api.mpp.example/center', 'http://localhost:5123')).toBe('https://api.mpp.example/center')
  })
})
