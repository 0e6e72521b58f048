import SwaggerParser from '@apidevtools/swagger-parser'
import { SignJWT } from 'jose'
import { beforeAll, describe, expect, test } from 'vitest'

import { resolveMppBaseUrl } from '../../cms/lib/mppOrigin'
import { kindOfStatus } from '../../mpp/contract/client'
import { minorDigits } from '../../mpp/contract/money'
import { agreementListSchema, billPageSchema, billSchema, problemSchema } from '../../mpp/contract/schema'
import { agreementIn, demoAgreements, demoBills, maskedAccount, refundStatus } from '../../mpp/sandbox/demoData'
import { signingKey } from '../../mpp/sandbox/keys'
import { pageOfBills } from '../../mpp/sandbox/server'
import { issueToken, verifySandboxToken } from '../../mpp/sandbox/tokens'
import { contractPath, loadContract, type Contract } from '../helpers/contract'

let contract: Contract
beforeAll(async () => {
  contract = await loadContract()
})

describe('the MPP API contract', () => {
  test('mpp/contract/openapi.yaml is a valid OpenAPI 3.1 document', async () => {
    const api = await SwaggerParser.validate(contractPath)
    expect((api as { openapi?: string }).openapi).toBe('3.1.0')
    expect(Object.keys(api.paths ?? {})).toEqual(
      expect.arrayContaining([
        '/v1/bills',
        '/v1/bills/{billId}',
        '/v1/agreements',
        '/v1/agreements/{agreementId}/cancellation',
        '/v1/agreements/{agreementId}/authorization',
      ]),
    )
  })

  const bill = demoBills('lumopay', 'u1').find((b) => b.refunds.length && b.promotions.length) ?? demoBills('lumopay', 'u1')[0]!
  const refund = demoBills('lumopay', 'u1').flatMap((b) => b.refunds)[0]!
  const samples = [
    { what: 'a bill', schema: billSchema, component: 'Bill', good: bill },
    {
      what: 'a page of bills',
      schema: billPageSchema,
      component: 'BillPage',
      good: pageOfBills('hoshi', 'u2', new URLSearchParams({ limit: '50' })),
    },
    {
      what: 'the agreements',
      schema: agreementListSchema,
      component: 'AgreementList',
      good: { items: demoAgreements('lumopay', 'u1').map((d) => agreementIn(d, 'zh-Hant')) },
    },
    { what: 'a problem', schema: problemSchema, component: 'Problem', good: { type: 'about:blank', title: 'Not found', status: 404 } },
  ]

  test.each(samples)('the zod schemas and the contract both accept $what from the sandbox', ({ schema, component, good }) => {
    expect(schema.safeParse(good).success).toBe(true)
    expect(contract.checkSchema(component, good)).toEqual([])
  })

  test('the zod schemas and the contract both refuse the same broken answers', () => {
    const broken = [
      { ...bill, status: 'lost' },
      { ...bill, amount: { currency: 'hkd', value: 1 } },
      { ...bill, amount: { currency: 'HKD', value: 1.5 } },
      { ...bill, refunds: undefined },
      { ...bill, merchant: { ...bill.merchant, logoUrl: 'not a url' } },
      { ...bill, paidAt: 'yesterday' },
      { ...bill, exchangeRate: { ...bill.exchangeRate, rate: 0 } },
      { ...bill, paymentMethod: { type: 'card', last4: '12' } },
      { ...bill, refunds: [{ ...refund, reason: 'Returned goods' }] },
    ]
    for (const body of broken) {
      expect(billSchema.safeParse(body).success, JSON.stringify(body)).toBe(false)
      expect(contract.checkSchema('Bill', body), JSON.stringify(body)).not.toEqual([])
    }
    const agreement = demoAgreements('lumopay', 'u1')[0]!.agreement
    for (const body of [
      { ...agreement, status: 'paused' },
      { ...agreement, cancelledAt: undefined },
      { ...agreement, scopes: [] },
      { ...agreement, scopes: ['groceries'] },
    ]) {
      expect(agreementListSchema.safeParse({ items: [body] }).success).toBe(false)
      expect(contract.checkSchema('AgreementList', { items: [body] })).not.toEqual([])
    }
  })
})

describe('the MPP client', () => {
  test('HTTP statuses map to what the user is told', () => {
    expect([401, 404, 409, 500, 503].map(kindOfStatus)).toEqual(['unauthorized', 'not-found', 'refused', 'unavailable', 'unavailable'])
  })
})

describe('sandbox demo data', () => {
  test('is the same for the same tenant and user, and different for another user', () => {
    expect(demoBills('lumopay', 'u1')).toEqual(demoBills('lumopay', 'u1'))
    expect(demoBills('lumopay', 'u2')[0]!.id).not.toBe(demoBills('lumopay', 'u1')[0]!.id)
  })

  test('bill and refund numbers look like wallet transaction numbers: the day, then 16 digits, each one different', () => {
    const bills = demoBills('nakhla', 'u1', undefined, 200)
    const numbers = bills.flatMap((b) => [b.id, ...b.refunds.map((r) => r.id)])
    for (const bill of bills) expect(bill.id).toMatch(new RegExp(`^${bill.paidAt.slice(0, 10).replaceAll('-', '')}\\d{16}$`))
    expect(numbers.every((n) => /^\d{24}$/.test(n))).toBe(true)
    expect(new Set(numbers).size).toBe(numbers.length)
    expect(numbers.some((n) => n.includes('nakhla') || n.includes('u1'))).toBe(false)
  })

  test('bills match the contract, are newest first and IDR amounts are whole hundreds', () => {
    const bills = demoBills('lumopay', 'u1', undefined, 200)
    for (const bill of bills) expect(contract.checkSchema('Bill', bill)).toEqual([])
    expect(bills.map((b) => b.paidAt)).toEqual([...bills.map((b) => b.paidAt)].sort().reverse())
    for (const bill of bills.filter((b) => b.merchantAmount.currency === 'IDR')) expect(bill.merchantAmount.value % 100).toBe(0)
    expect(new Set(bills.map((b) => b.status))).toEqual(new Set(['paid', 'partially_refunded', 'refunded']))
  })

  test('every user sees JPY, KRW and three-decimal KWD merchants, promotions and several refunds on one bill', () => {
    for (const tenant of ['lumopay', 'hoshi']) {
      const bills = demoBills(tenant, 'e2e-user')
      const currencies = bills.map((b) => b.merchantAmount.currency)
      expect(currencies).toEqual(expect.arrayContaining(['JPY', 'KRW', 'KWD']))
      expect(bills.some((b) => b.promotions.length)).toBe(true)
      expect(bills.some((b) => b.refunds.length > 1)).toBe(true)
    }
  })

  test("a Thai wallet's bills are payments abroad charged in baht, and its agreements hold each case the island handles", () => {
    const bills = demoBills('chaba', 'e2e-user', undefined, 200)
    for (const bill of bills) expect(contract.checkSchema('Bill', bill)).toEqual([])
    expect(new Set(bills.map((b) => b.amount.currency))).toEqual(new Set(['THB']))
    // PromptPay covers paying at home: no demo bill is with a Thai merchant.
    expect(bills.map((b) => b.merchantAmount.currency)).not.toContain('THB')
    expect(bills.map((b) => b.merchantAmount.currency)).toEqual(expect.arrayContaining(['JPY', 'KRW', 'SGD', 'CNY']))
    expect(bills.some((b) => b.refunds.length > 1) && bills.some((b) => b.promotions.length)).toBe(true)
    const agreements = demoAgreements('chaba', 'u1')
    expect(agreements.map((d) => d.agreement.status).sort()).toEqual(['active', 'active', 'active', 'cancelled', 'pending'])
    expect(agreements.filter((d) => d.refusal)).toHaveLength(1)
    expect(agreements.every((d) => d.agreement.paymentLimit.currency === 'THB')).toBe(true)
    expect(maskedAccount('chaba', 'u1')).toMatch(/^\+66 \*{4}\d{4}$/)
  })

  test('refunds add up to the refunded amount, and the status says whether they cover all of it', () => {
    for (const bill of demoBills('hoshi', 'u1', undefined, 200)) {
      const refunded = bill.refunds.reduce((sum, r) => sum + r.amount.value, 0)
      expect(bill.refundedAmount.value).toBe(refunded)
      expect(bill.status).toBe(refundStatus(bill.amount.value, refunded))
    }
    expect([refundStatus(100, 0), refundStatus(100, 30), refundStatus(100, 100)]).toEqual(['paid', 'partially_refunded', 'refunded'])
  })

  test("promotions are taken off the amount paid in the wallet's currency", () => {
    const bill = demoBills('lumopay', 'u1', undefined, 200).find((b) => b.promotions.length)!
    expect(bill.promotions[0]!.amount.currency).toBe(bill.amount.currency)
    const gross = Math.round((bill.merchantAmount.value / 10 ** minorDigits(bill.merchantAmount.currency)) * bill.exchangeRate.rate * 100)
    expect(Math.abs(bill.amount.value + bill.promotions[0]!.amount.value - gross)).toBeLessThanOrEqual(1)
  })

  test('agreements start the same for a user: one pending, one cancelled, one only the merchant can cancel', () => {
    const agreements = demoAgreements('lumopay', 'u1')
    expect(agreements).toEqual(demoAgreements('lumopay', 'u1'))
    expect(agreements.map((d) => d.agreement.status).sort()).toEqual(['active', 'active', 'active', 'cancelled', 'pending'])
    expect(agreements.filter((d) => d.refusal)).toHaveLength(1)
    expect(demoAgreements('lumopay', 'u2')[0]!.agreement.id).not.toBe(agreements[0]!.agreement.id)
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
    const refunded = pageOfBills('hoshi', 'u1', new URLSearchParams({ status: 'partially_refunded,refunded', limit: '50' }))
    expect(refunded.items.length).toBeGreaterThan(0)
    expect(refunded.items.every((b) => b.status !== 'paid')).toBe(true)
  })

  test('a date range keeps bills paid from its start to before its end, and merchant text ignores case', () => {
    const from = '2026-11-01T00:00:00Z'
    const to = '2026-11-10T00:00:00Z'
    const inRange = pageOfBills('hoshi', 'u1', new URLSearchParams({ from, to, limit: '50' })).items
    expect(inRange.length).toBeGreaterThan(0)
    expect(inRange.every((b) => b.paidAt >= from && b.paidAt < to)).toBe(true)
    const grab = pageOfBills('hoshi', 'u1', new URLSearchParams({ merchant: 'gRaB', limit: '50' })).items
    expect(grab.length).toBeGreaterThan(0)
    expect(grab.every((b) => b.merchant.name === 'Grab')).toBe(true)
  })

  test('list items carry no detail fields', () => {
    const [first] = pageOfBills('hoshi', 'u1', new URLSearchParams()).items
    expect(first).not.toHaveProperty('refunds')
    expect(first).toHaveProperty('refundedAmount')
  })
})

describe('user tokens', () => {
  test('a token names its user at its own tenant', async () => {
    expect(await verifySandboxToken('lumopay', await issueToken('lumopay', 'u1'))).toBe('u1')
  })

  test("another tenant's token is refused", async () => {
    await expect(verifySandboxToken('lumopay', await issueToken('hoshi', 'u1'))).rejects.toThrow(/not signed by this tenant/)
  })

  test('an expired token is refused', async () => {
    await expect(verifySandboxToken('lumopay', await issueToken('lumopay', 'u1', -60))).rejects.toThrow(/expired/)
  })

  test('a token for another audience, or living longer than 15 minutes, is refused', async () => {
    const key = await signingKey('lumopay')
    const now = Math.floor(Date.now() / 1000)
    const wrongAudience = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('lumopay')
      .setSubject('u1')
      .setAudience('shop')
      .setExpirationTime(now + 60)
      .sign(key)
    await expect(verifySandboxToken('lumopay', wrongAudience)).rejects.toThrow(/"aud" claim/)
    const longLived = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('lumopay')
      .setSubject('u1')
      .setAudience('center')
      .setExpirationTime(now + 3600)
      .sign(key)
    await expect(verifySandboxToken('lumopay', longLived)).rejects.toThrow(/more than 15 minutes/)
    await expect(verifySandboxToken('lumopay', 'not-a-jwt')).rejects.toThrow(/malformed/)
  })
})

describe('sandbox origin', () => {
  test('demo tenants follow the sandbox to its port; real MPPs keep their URL', () => {
    expect(resolveMppBaseUrl('http://localhost:4010/lumopay', 'http://localhost:5123')).toBe('http://localhost:5123/lumopay')
    expect(resolveMppBaseUrl('https://api.mpp.example/center', 'http://localhost:5123')).toBe('https://api.mpp.example/center')
  })
})
