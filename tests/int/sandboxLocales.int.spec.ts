import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { readSnapshots } from '../../content/files'
import { createMppClient, MppError, type MppClient } from '../../mpp/contract/client'
import { agreementScopes, cancellationRefusals, refundReasons } from '../../mpp/contract/schema'
import { startSandbox, type RunningSandbox } from '../../mpp/sandbox/server'
import { demoToken } from '../helpers/browser'

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox(0)
})
afterAll(() => sandbox.close())

const demoMpps = readSnapshots().map(({ tenant }) => ({ slug: tenant.slug, locales: tenant.locales, defaultLocale: tenant.defaultLocale }))
const cases = demoMpps.flatMap((mpp) => mpp.locales.filter((locale) => locale !== 'en').map((locale) => ({ mpp: mpp.slug, locale })))

/** The client the islands use, with the locale they send, recording each answer's Content-Language. */
function clientFor(tenant: string, token: string, locale: string, languages: string[] = []): MppClient {
  return createMppClient({
    baseUrl: `${sandbox.url}/${tenant}`,
    token,
    locale,
    fetch: async (input, init) => {
      const response = await fetch(input, init)
      languages.push(response.headers.get('content-language') ?? '(none)')
      return response
    },
  })
}

/**
 * Every text of the MPP's answers that a page shows the user, by where it is: what only the MPP
 * knows comes as words (which must be in the user's language), what can be listed comes as codes.
 */
async function userVisibleTexts(client: MppClient, locale: string): Promise<{ words: Map<string, string>; codes: Map<string, string> }> {
  const words = new Map<string, string>()
  const codes = new Map<string, string>()
  const { items: summaries } = await client.listBills({ limit: 50 })
  for (const summary of summaries) {
    codes.set(`bill ${summary.id} status`, summary.status)
    const bill = await client.getBill(summary.id)
    bill.promotions.forEach((promotion, n) => words.set(`bill ${bill.id} promotion ${n}`, promotion.name))
    bill.refunds.forEach((refund, n) => codes.set(`bill ${bill.id} refund ${n} reason`, refund.reason))
  }
  const { items: agreements } = await client.listAgreements()
  for (const agreement of agreements) {
    codes.set(`agreement ${agreement.merchant.name} scopes`, agreement.scopes.join(' '))
    if (agreement.description) words.set(`agreement ${agreement.merchant.name} description`, agreement.description)
    if (agreement.status === 'pending') {
      const authorization = await client.getAuthorization(agreement.id)
      codes.set(`authorization ${agreement.merchant.name} scopes`, authorization.scopes.join(' '))
      if (authorization.description) words.set(`authorization ${agreement.merchant.name} description`, authorization.description)
    }
    if (agreement.status !== 'active') continue
    const check = await client.checkCancellation(agreement.id)
    if (check.allowed) continue
    codes.set(`refusal ${agreement.merchant.name} reason`, check.reason ?? '(none)')
    words.set(`refusal ${agreement.merchant.name} detail`, check.detail ?? '')
    const refused = await client.cancelAgreement(agreement.id, { reason: 'other' }, `refused-${locale}-${agreement.id}`).then(
      () => null,
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(MppError)
    codes.set(`cancel ${agreement.merchant.name} refusal`, (refused as MppError).refusal ?? '(none)')
    words.set(`cancel ${agreement.merchant.name} detail`, (refused as MppError).message)
  }
  return { words, codes }
}

describe('the MPP API answers in the user’s locale', () => {
  test('every demo MPP has a locale other than English to check', () => {
    expect(demoMpps.map((mpp) => mpp.slug)).toEqual(expect.arrayContaining(['hoshi', 'lumopay', 'nakhla']))
    expect(cases.length).toBeGreaterThanOrEqual(6)
  })

  test.each(cases)(
    '$mpp in $locale: no text the user sees is the English one, codes are codes, and Content-Language says $locale',
    async ({ mpp, locale }) => {
      const token = await demoToken(sandbox.url, mpp, 'locale-check')
      const languages: string[] = []
      const english = await userVisibleTexts(clientFor(mpp, token, 'en'), 'en')
      const local = await userVisibleTexts(clientFor(mpp, token, locale, languages), locale)

      expect([...local.words.keys()]).toEqual([...english.words.keys()])
      expect(local.words.size).toBeGreaterThan(3)
      const stillEnglish = [...local.words].filter(([where, text]) => !text || text === english.words.get(where))
      expect(stillEnglish).toEqual([])
      expect(new Set(languages)).toEqual(new Set([locale]))

      // Codes are the same in every language, and each is one the contract lists (the Center words it).
      expect(local.codes).toEqual(english.codes)
      const listed = new Set<string>([
        ...refundReasons,
        ...agreementScopes,
        ...cancellationRefusals,
        'paid',
        'partially_refunded',
        'refunded',
      ])
      expect([...local.codes.values()].flatMap((code) => code.split(' ')).filter((code) => !listed.has(code))).toEqual([])
    },
  )

  test('an MPP without the asked locale answers in the best one it has, else its default, and says which', async () => {
    const ask = async (tenant: string, acceptLanguage: string) => {
      const token = await demoToken(sandbox.url, tenant, 'fallback')
      const response = await fetch(`${sandbox.url}/${tenant}/v1/agreements`, {
        headers: { authorization: `Bearer ${token}`, 'accept-language': acceptLanguage },
      })
      const { items } = (await response.json()) as { items: { description?: string }[] }
      return { language: response.headers.get('content-language'), description: items.find((a) => a.description)?.description }
    }
    expect((await ask('lumopay', 'zh-TW')).language).toBe('zh-Hant')
    expect((await ask('lumopay', 'zh-CN,en;q=0.5')).language).toBe('zh-Hans')
    expect((await ask('hoshi', 'ja-JP')).language).toBe('ja')
    expect((await ask('hoshi', 'fr, ko;q=0.8, en;q=0.9')).language).toBe('en')
    const unknown = await ask('hoshi', 'ar')
    expect(unknown.language).toBe('ja')
    expect(unknown.description).toBe((await ask('hoshi', 'ja')).description)
    expect((await ask('nakhla', 'not a tag, *')).language).toBe('ar')
    expect((await ask('nakhla', '')).language).toBe('ar')
  })
})
