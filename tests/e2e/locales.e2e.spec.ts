import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { agreementScopes, cancellationRefusals, refundReasons, type Bill, type BillPage } from '../../mpp/contract/schema'
import { demoTexts } from '../../mpp/sandbox/demoTexts'
import en from '../../site/src/i18n/en.json'
import { demoToken as demoTokenFrom, launchBrowser, openPage as openRecordingPage } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const mppUrl = inject('mppUrl')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const demoToken = (tenant: string, user: string) => demoTokenFrom(mppUrl, tenant, user)
const dictionary = en as Record<string, string>

/** What the sandbox used to say in English, and the English words of the codes it sends now: none of it belongs on a ja or ar screen. */
const englishDisplayTexts = [
  ...Object.values(demoTexts).map((text) => text.en),
  ...refundReasons.map((code) => dictionary[`bills.refund.reason.${code}`]!),
  ...agreementScopes.map((code) => dictionary[`agreements.scope.${code}`]!),
  ...cancellationRefusals.map((code) => dictionary[`agreements.refused.reason.${code}`]!),
  ...['Paid', 'Refunded', 'Partly refunded', 'Active', 'Cancelled', 'Waiting for you'],
  'Item out of stock',
  'Order cancelled by the merchant',
  'Returned goods',
  'Pay for bookings without confirming each one',
]

/** The sandbox's English texts that a page shows, if any. */
async function englishOnScreen(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText)
  return englishDisplayTexts.filter((english) =>
    new RegExp(`(^|[^\\p{L}])${english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text),
  )
}

/** A user's bills from the sandbox, in full, as the MPP holds them. */
async function billsOf(tenant: string, token: string): Promise<Bill[]> {
  const get = async <T>(path: string) =>
    (await (await fetch(`${mppUrl}/${tenant}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T
  const { items } = await get<BillPage>('/v1/bills?limit=50')
  return Promise.all(items.map((item) => get<Bill>(`/v1/bills/${item.id}`)))
}

const openPage = (url: string) => openRecordingPage(browser, url)
const go = (page: Page, hash: string) => page.evaluate((to) => (window.location.hash = to), hash)

describe.each([
  { tenant: 'hoshi', locale: 'ja' },
  { tenant: 'nakhla', locale: 'ar' },
])('live data in $tenant/$locale', ({ tenant, locale }) => {
  test('bills, a bill with a promotion and one with refunds show none of the sandbox’s English texts', async () => {
    const token = await demoToken(tenant, `e2e-${locale}-bills`)
    const bills = await billsOf(tenant, token)
    const promoted = bills.find((bill) => bill.promotions.length)!
    const refunded = bills.find((bill) => bill.refunds.length)!
    const { page, errors } = await openPage(`${siteUrl}/${tenant}/${locale}/bills/#token=${token}`)
    await expect.poll(() => page.locator('.bill').count()).toBe(20)
    expect(await englishOnScreen(page)).toEqual([])
    for (const bill of [promoted, refunded]) {
      await go(page, `#bill=${bill.id}`)
      await expect.poll(() => page.locator('.bill-detail .merchant-name').textContent()).toBe(bill.merchant.name)
      expect(await page.locator('.refund').count()).toBe(bill.refunds.length)
      expect(await englishOnScreen(page)).toEqual([])
    }
    expect(await page.locator('.promotions li').count()).toBe(0)
    await go(page, `#bill=${promoted.id}`)
    await expect.poll(() => page.locator('.promotions li').count()).toBe(promoted.promotions.length)
    expect(await page.locator('.promotions li').first().textContent()).toContain('Alipay+')
    expect(errors).toEqual([])
    await page.close()
  })

  test('agreements, their details, the authorization step and a refusal show none of the sandbox’s English texts', async () => {
    const token = await demoToken(tenant, `e2e-${locale}-agreements`)
    const { page, errors } = await openPage(`${siteUrl}/${tenant}/${locale}/agreements/#token=${token}`)
    await expect.poll(() => page.locator('.agreement').count()).toBe(5)
    expect(await englishOnScreen(page)).toEqual([])
    const hrefs = await page.locator('.agreement a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
    for (const href of hrefs) {
      await go(page, href)
      await expect.poll(() => page.locator('.agreement-detail .scopes li').count()).toBeGreaterThan(0)
      expect(await englishOnScreen(page)).toEqual([])
      await go(page, '')
      await expect.poll(() => page.locator('.agreement').count()).toBe(5)
    }
    // The pending one: its authorization step.
    await page.locator('.agreement-pending a').click()
    await page.locator('.agreement-detail > button').click()
    await expect.poll(() => page.locator('.authorization .masked-account').count()).toBe(1)
    expect(await englishOnScreen(page)).toEqual([])
    // The one only the merchant can cancel: the refusal, in the Center's words and the MPP's.
    await go(page, '')
    await page.getByRole('link', { name: /東京電力/ }).click()
    await page.locator('.agreement-detail > button').click()
    await expect.poll(() => page.locator('.refused').count()).toBe(1)
    expect(await page.locator('.refused .refusal-detail').textContent()).toBe(demoTexts.tepcoRefusal[locale as 'ja' | 'ar'])
    expect(await englishOnScreen(page)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('rewards in nakhla/ar', () => {
  test('the rewards page shows none of the sandbox’s English texts (hoshi offers no rewards)', async () => {
    const token = await demoToken('nakhla', `new-e2e-ar-${Date.now()}`)
    const { page, errors } = await openRecordingPage(browser, `${siteUrl}/nakhla/ar/rewards/#token=${token}`, (p) =>
      p.route('https://videos.example/**', (route) => route.abort('internetdisconnected')),
    )
    await expect.poll(() => page.locator('.campaign .left').count()).toBeGreaterThan(0)
    await expect.poll(() => page.locator('.my-vouchers').count()).toBe(1)
    expect(await englishOnScreen(page)).toEqual([])
    expect(await page.locator('.campaign .left').first().textContent()).not.toMatch(/left/)
    expect(errors).toEqual([])
    await page.close()
  })
})
