import { describe, expect, test } from 'vitest'

import { advanceTutorial, validIdempotencyKey, voucherCode, voucherExpiry, voucherView } from '../../cms/rewards/rewards'
import { campaignPhase, tutorialParts } from '../../content/campaigns'
import { problem, problemContentType, type ProblemCode } from '../../content/problem'
import { retryable, rewardsFailureKey, tutorialOf, voucherFor, withVoucher } from '../../site/src/lib/rewards'
import { createRewardsClient, type Voucher } from '../../site/src/lib/rewardsApi'

const day = 24 * 3600_000

/** A Center refusal as the CMS sends it: problem+json. */
const problemAnswer = (status: number, code: ProblemCode, detail: string, extensions?: Record<string, unknown>) =>
  new Response(JSON.stringify(problem(status, code, detail, extensions)), { status, headers: { 'content-type': problemContentType } })

describe('campaign rules shared by the CMS and the site', () => {
  test('a tutorial counts its video as the first part, then each step', () => {
    expect(tutorialParts({ tutorial: { videoUrl: 'https://v.example/a.mp4', steps: [{}, {}] } })).toBe(3)
    expect(tutorialParts({ tutorial: { videoUrl: null, steps: [{}] } })).toBe(1)
    expect(tutorialParts({ tutorial: null })).toBe(0)
    expect(tutorialOf({ videoUrl: 'https://v.example/a.mp4', steps: ['<p>a</p>'] }).map((part) => part.kind)).toEqual(['video', 'step'])
    expect(tutorialOf({ steps: ['<p>a</p>', '<p>b</p>'] })).toHaveLength(2)
    // The Center's own animation comes first, and the Center API counts it as the site shows it.
    const withAnimation = { animation: true, steps: ['<p>a</p>'] }
    expect(tutorialOf(withAnimation).map((part) => part.kind)).toEqual(['animation', 'step'])
    expect(tutorialParts({ tutorial: { ...withAnimation, steps: [{}] } })).toBe(tutorialOf(withAnimation).length)
  })

  test('a campaign is upcoming before its start, live until its end, and ended from its end on', () => {
    const campaign = { startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2026-12-01T00:00:00.000Z' }
    expect(campaignPhase(campaign, new Date('2026-10-31T23:59:59Z'))).toBe('upcoming')
    expect(campaignPhase(campaign, new Date('2026-11-01T00:00:00Z'))).toBe('live')
    expect(campaignPhase(campaign, new Date('2026-12-01T00:00:00Z'))).toBe('ended')
  })
})

describe('claim rules', () => {
  test('tutorial parts are reported in order: a skipped part is refused, a repeated one changes nothing', () => {
    expect(advanceTutorial(0, 1, 3)).toBe(1)
    expect(advanceTutorial(1, 3, 3)).toBe('skipped')
    expect(advanceTutorial(3, 1, 3)).toBe(3)
    expect(advanceTutorial(0, 4, 3)).toBe('invalid')
    expect(advanceTutorial(0, 1.5, 3)).toBe('invalid')
    expect(advanceTutorial(0, '1', 3)).toBe('invalid')
  })

  test('an Idempotency-Key has 8 to 128 visible characters', () => {
    expect(validIdempotencyKey('3f2c9a1e-6f0b-4b1e-9a0c-2d7d1c1e9b00')).toBe(true)
    expect(validIdempotencyKey('short')).toBe(false)
    expect(validIdempotencyKey('has a space in it')).toBe(false)
    expect(validIdempotencyKey('x'.repeat(129))).toBe(false)
    expect(validIdempotencyKey(null)).toBe(false)
  })

  test('a voucher code starts with the MPP and avoids characters read for one another', () => {
    const codes = Array.from({ length: 200 }, () => voucherCode('lumopay'))
    expect(codes.every((code) => /^LUMO-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/.test(code))).toBe(true)
    expect(new Set(codes).size).toBe(200)
    expect(voucherCode('b2b-pay')).toMatch(/^BBPA-/)
  })

  test('a voucher runs its validity days from the claim, and shows expired after that', () => {
    const claimedAt = new Date('2026-11-26T10:00:00Z')
    const expiresAt = voucherExpiry(claimedAt, 30)
    expect(expiresAt.toISOString()).toBe('2026-12-26T10:00:00.000Z')
    const row = {
      code: 'LUMO-AAAA-BBBB',
      merchant: 'Sakura Drug',
      currency: 'HKD',
      value: 5000,
      claimedAt: claimedAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
    }
    expect(voucherView(row, 'winter', new Date(expiresAt.getTime() - 1))).toMatchObject({
      campaign: 'winter',
      amount: { currency: 'HKD', value: 5000 },
      status: 'active',
    })
    expect(voucherView(row, 'winter', new Date(expiresAt.getTime() + day)).status).toBe('expired')
  })
})

const voucher = (code: string, claimedAt: string): Voucher => ({
  code,
  campaign: 'c',
  merchant: 'M',
  amount: { currency: 'HKD', value: 1 },
  claimedAt,
  expiresAt: claimedAt,
  status: 'active',
})

describe("the rewards island's logic", () => {
  test("each refusal has its own words; failures of the service read as the MPP islands' messages", () => {
    expect(rewardsFailureKey('sold-out')).toBe('rewards.error.sold-out')
    expect(rewardsFailureKey('already-claimed')).toBe('rewards.error.already-claimed')
    expect(rewardsFailureKey('timeout')).toBe('mpp.error.timeout')
    expect(rewardsFailureKey('something-new')).toBe('mpp.error.unavailable')
    expect(retryable('timeout')).toBe(true)
    expect(retryable('sold-out')).toBe(false)
  })

  test('a claimed voucher joins the list once, newest first', () => {
    const older = voucher('A', '2026-11-01T00:00:00Z')
    const newer = voucher('B', '2026-11-20T00:00:00Z')
    expect(withVoucher([older], newer).map((v) => v.code)).toEqual(['B', 'A'])
    expect(withVoucher([newer, older], newer).map((v) => v.code)).toEqual(['B', 'A'])
    expect(voucherFor([older], 'c')?.code).toBe('A')
    expect(voucherFor([older], 'other')).toBeUndefined()
  })
})

describe('the rewards client', () => {
  const client = (answer: () => Promise<Response>, seen: Request[] = []) =>
    createRewardsClient({
      baseUrl: 'https://center.example/api',
      tenant: 'lumopay',
      token: 'tok',
      locale: 'ja',
      timeoutMs: 50,
      fetch: (async (url: string, init: RequestInit) => {
        seen.push(new Request(url, init))
        return answer()
      }) as typeof fetch,
    })

  test("a claim sends the token, the page's MPP, its locale and the Idempotency-Key", async () => {
    const seen: Request[] = []
    const claimed = voucher('LUMO-AAAA-BBBB', '2026-11-26T00:00:00Z')
    expect(await client(async () => Response.json({ voucher: claimed }, { status: 201 }), seen).claim('winter', 'key-12345678')).toEqual(
      claimed,
    )
    expect(seen[0]!.url).toBe('https://center.example/api/rewards/winter/claim?tenant=lumopay')
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer tok')
    expect(seen[0]!.headers.get('idempotency-key')).toBe('key-12345678')
    expect(seen[0]!.headers.get('accept-language')).toBe('ja')
  })

  test('a refusal carries its code and the voucher already held; token problems read as unauthorized', async () => {
    const held = voucher('LUMO-CCCC-DDDD', '2026-11-26T00:00:00Z')
    await expect(
      client(async () => problemAnswer(409, 'already-claimed', 'once', { voucher: held })).claim('winter', 'key-12345678'),
    ).rejects.toMatchObject({ kind: 'already-claimed', voucher: held })
    await expect(client(async () => problemAnswer(401, 'token-expired', 'old')).mine()).rejects.toMatchObject({ kind: 'unauthorized' })
    await expect(client(async () => problemAnswer(504, 'mpp-timeout', 'slow')).claim('winter', 'key-12345678')).rejects.toMatchObject({
      kind: 'timeout',
    })
  })

  test('garbage, unreadable data and silence become errors the page can explain', async () => {
    await expect(client(async () => new Response('{"vouchers": [')).mine()).rejects.toMatchObject({ kind: 'invalid-response' })
    await expect(client(async () => Response.json({ vouchers: 'none' })).mine()).rejects.toMatchObject({ kind: 'invalid-response' })
    await expect(client(async () => Promise.reject(new TypeError('fetch failed'))).mine()).rejects.toMatchObject({ kind: 'unavailable' })
    await expect(
      client(() => new Promise((_, reject) => setTimeout(() => reject(new DOMException('timed out', 'TimeoutError')), 100))).mine(),
    ).rejects.toMatchObject({ kind: 'timeout' })
  })
})
