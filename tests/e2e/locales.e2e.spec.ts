import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { readSnapshots } from '../../content/files'
import { agreementScopes, cancellationRefusals, refundReasons, type Bill, type BillPage } from '../../mpp/contract/schema'
import { demoTexts } from '../../mpp/sandbox/demoTexts'
import en from '../../site/src/i18n/en.json'
import { demoToken as demoTokenFrom, launchBrowser, openPage as openRecordingPage } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const mppUrl = inject('mppUrl')
const cmsUrl = inject('cmsUrl')

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
      await expect.poll(() => page.locator('.bill-detail .bill-number').textContent()).toBe(bill.id)
      expect(await page.locator('.bill-detail .merchant-name').textContent()).toBe(bill.merchant.name)
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
    const { page, errors } = await openRecordingPage(browser, `${siteUrl}/nakhla/ar/rewards/#token=${token}`)
    await expect.poll(() => page.locator('.campaign .left').count()).toBeGreaterThan(0)
    await expect.poll(() => page.locator('.my-vouchers').count()).toBe(1)
    expect(await englishOnScreen(page)).toEqual([])
    expect(await page.locator('.campaign .left').first().textContent()).not.toMatch(/left/)
    expect(errors).toEqual([])
    await page.close()
  })
})

/**
 * Where each character of `target` is drawn inside an element, left to right on screen: true when
 * `target` reads as written (its characters' boxes go left to right, spaces aside), for every
 * place it occurs in the element's text.
 */
async function readsLeftToRight(page: Page, selector: string, target: string): Promise<boolean[]> {
  return page.locator(selector).evaluateAll(
    (elements, wanted) =>
      elements.flatMap((element) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
        const chars: { node: Text; offset: number; char: string }[] = []
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null)
          for (let offset = 0; offset < node.data.length; offset++) chars.push({ node, offset, char: node.data[offset]! })
        // Invisible bidi controls are not drawn: leave them out of the text being searched.
        const drawn = chars.filter(({ char }) => !/[\u200e\u200f\u2066-\u2069]/.test(char))
        const text = drawn.map(({ char }) => char).join('')
        const found: boolean[] = []
        for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
          const xs = drawn
            .slice(at, at + wanted.length)
            .filter(({ char }) => char.trim())
            .map(({ node, offset }) => {
              const range = document.createRange()
              range.setStart(node, offset)
              range.setEnd(node, offset + 1)
              return range.getBoundingClientRect().left
            })
          found.push(xs.every((x, i) => i === 0 || x > xs[i - 1]!))
        }
        return found
      }),
    target,
  )
}

describe('right-to-left order in nakhla/ar', () => {
  test('the order check sees the scrambling the issue reported when nothing is isolated', async () => {
    const { page } = await openPage(`${siteUrl}/nakhla/ar/`)
    await page.evaluate(() => {
      const control = document.createElement('div')
      control.id = 'control'
      for (const text of ['عرض Alipay+ الترحيبي', 'الحساب +965 ****9283', 'السعر 1 KWD = 4,500 KRW']) {
        const line = document.createElement('p')
        line.textContent = text
        control.append(line)
      }
      document.querySelector('main')!.append(control)
    })
    expect(await readsLeftToRight(page, '#control', 'Alipay+')).toEqual([false])
    expect(await readsLeftToRight(page, '#control', '+965 ****9283')).toEqual([false])
    expect(await readsLeftToRight(page, '#control', '1 KWD = 4,500 KRW')).toEqual([false])
    await page.close()
  })

  test('"Alipay+" keeps its plus at the end in the home page and in a promotion', async () => {
    const home = await openPage(`${siteUrl}/nakhla/ar/`)
    expect(await home.page.locator('html').getAttribute('dir')).toBe('rtl')
    const onHome = await readsLeftToRight(home.page, 'main', 'Alipay+')
    expect(onHome.length).toBeGreaterThan(0)
    expect(onHome.every(Boolean)).toBe(true)
    await home.page.close()

    const qa = readSnapshots()
      .find((snapshot) => snapshot.tenant.slug === 'nakhla')!
      .qas.find((q) => q.question.ar?.includes('Alipay+'))!
    const question = await openPage(`${siteUrl}/nakhla/ar/qas/${qa.category}/${qa.slug}/`)
    expect(await readsLeftToRight(question.page, 'h1', 'Alipay+')).toEqual([true])
    await question.page.close()

    const token = await demoToken('nakhla', 'e2e-ar-order')
    const promoted = (await billsOf('nakhla', token)).find((bill) => bill.promotions.length)!
    const { page, errors } = await openPage(`${siteUrl}/nakhla/ar/bills/#token=${token}&bill=${promoted.id}`)
    await expect.poll(() => page.locator('.promotions li').count()).toBe(promoted.promotions.length)
    expect(await readsLeftToRight(page, '.promotions li', 'Alipay+')).toEqual(promoted.promotions.map(() => true))
    expect(errors).toEqual([])
    await page.close()
  })

  test('the rate line reads "1 KWD = … XXX" in order, and the bill number is not mirrored', async () => {
    const token = await demoToken('nakhla', 'e2e-ar-rate')
    const bill = (await billsOf('nakhla', token)).find((b) => b.exchangeRate.from !== b.exchangeRate.to)!
    const { page, errors } = await openPage(`${siteUrl}/nakhla/ar/bills/#token=${token}&bill=${bill.id}`)
    await expect.poll(() => page.locator('.rate').count()).toBe(1)
    const line = (await page.locator('.rate').textContent())!
    expect(line).toMatch(/^1 [A-Z]{3} = \S+ [A-Z]{3}$/)
    expect(await readsLeftToRight(page, '.rate', line)).toEqual([true])
    expect(await readsLeftToRight(page, '.bill-number', bill.id)).toEqual([true])
    expect(errors).toEqual([])
    await page.close()
  })

  test('the masked phone number on the authorization step renders as written: "+965 ****1234"', async () => {
    const token = await demoToken('nakhla', 'e2e-ar-phone')
    const { page, errors } = await openPage(`${siteUrl}/nakhla/ar/agreements/#token=${token}`)
    await page.locator('.agreement-pending a').click()
    await page.locator('.agreement-detail > button').click()
    await expect.poll(() => page.locator('.masked-account').count()).toBe(1)
    const account = (await page.locator('.masked-account').textContent())!
    expect(account).toMatch(/^\+965 \*{4}\d{4}$/)
    expect(await readsLeftToRight(page, '.authorization', account)).toEqual([true])
    expect(errors).toEqual([])
    await page.close()
  })

  test('a claimed voucher code is not mirrored in My vouchers, the one place it shows', async () => {
    const token = await demoToken('nakhla', `new-e2e-ar-code-${Date.now()}`)
    const api = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
      (await (
        await fetch(`${cmsUrl}/api/rewards${path}?tenant=nakhla`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).json()) as Record<string, any>
    const mine = await api('GET', '/mine')
    const tutorial = (mine.tutorials as { campaign: string; parts: number }[])[0]!
    for (let step = 1; step <= tutorial.parts; step++) await api('POST', `/${tutorial.campaign}/progress`, {}, { step })
    const { voucher } = await api('POST', `/${tutorial.campaign}/claim`, { 'idempotency-key': `e2e-ar-code-${Date.now()}` })
    expect(voucher.code).toMatch(/[A-Z0-9]-[A-Z0-9]/)
    const { page, errors } = await openPage(`${siteUrl}/nakhla/ar/rewards/#token=${token}`)
    await expect.poll(() => page.locator('.my-vouchers code').count()).toBe(1)
    expect(await readsLeftToRight(page, '.my-vouchers code', voucher.code)).toEqual([true])
    // The campaign card points to My vouchers instead of repeating the code.
    expect(await page.locator('.campaign .claimed').count()).toBe(1)
    expect(await page.locator('main').textContent()).not.toMatch(new RegExp(`${voucher.code}[\\s\\S]*${voucher.code}`))
    expect(errors).toEqual([])
    await page.close()
  })
})
