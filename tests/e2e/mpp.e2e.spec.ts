import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Request, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { run } from '../../cms/publish/buildSite'
import type { Agreement, Bill, BillPage } from '../../mpp/contract/schema'
import { demoBills } from '../../mpp/sandbox/demoData'
import { startSite, type RunningSite } from '../../scripts/lib/serve'
import en from '../../site/src/i18n/en.json'
import { actAsReactNativeHost, demoToken as demoTokenFrom, launchBrowser, openPage as openRecordingPage } from '../helpers/browser'
import { contentSnapshot } from '../helpers/contentSnapshots'
import { freePort } from '../helpers/freePort'

const siteUrl = inject('siteUrl')
const screenshotDir = join(import.meta.dirname, 'screenshots', 'bill-shell')
mkdirSync(screenshotDir, { recursive: true })
const mppUrl = inject('mppUrl')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const demoToken = (tenant: string, user: string, seconds?: number) => demoTokenFrom(mppUrl, tenant, user, seconds)

/** Calls the sandbox as the user, outside the page: to set faults and to see what the MPP holds. */
async function asUser<T>(tenant: string, token: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${mppUrl}/${tenant}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  expect(response.ok).toBe(true)
  return (response.status === 204 ? undefined : await response.json()) as T
}

const setFault = (tenant: string, token: string, fault: Record<string, unknown>) =>
  asUser(tenant, token, '/sandbox/faults', { method: 'PUT', body: fault })
const clearFault = (tenant: string, token: string) => asUser(tenant, token, '/sandbox/faults', { method: 'DELETE' })

const openPage = (url: string) => openRecordingPage(browser, url)

describe('bills from the MPP', () => {
  test('a user of one MPP sees only their own bills at that MPP, and the token leaves the address bar', async () => {
    const token = await demoToken('lumopay', 'e2e-alice')
    const { page, errors } = await openPage(`${siteUrl}/lumopay/en/bills/#token=${token}`)
    const bills = page.locator('.bill')
    await expect.poll(() => bills.count()).toBe(20)
    expect(page.url()).toBe(`${siteUrl}/lumopay/en/bills/`)
    const hrefs = await bills.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    const own = await asUser<BillPage>('lumopay', token, '/v1/bills')
    expect(hrefs).toEqual(own.items.map((bill) => `#bill=${bill.id}`))
    expect(own.items.every((bill) => /^\d{24}$/.test(bill.id))).toBe(true)
    expect(await bills.locator('.merchant').allTextContents()).toEqual(own.items.map((bill) => bill.merchant.name))
    expect(await bills.first().locator('.amount').textContent()).toMatch(/^HK\$[\d,]+\.\d{2}$/)
    expect(await page.locator('h2.day').count()).toBeGreaterThan(1)
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.getItem('center.token:lumopay') }))
    expect(stored).toEqual({ local: 0, session: token })
    expect(errors).toEqual([])
    await page.close()
  })

  test("another MPP's token gets no bills, only a message to reopen from the app", async () => {
    const foreign = await demoToken('hoshi', 'e2e-alice')
    const { page, errors } = await openPage(`${siteUrl}/lumopay/en/bills/#token=${foreign}`)
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Your session has ended. Open this page again from the LumoPay app.')
    expect(await page.locator('.bill').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  test('the bills page without a token says to open it from the app', async () => {
    const { page } = await openPage(`${siteUrl}/lumopay/en/bills/`)
    await expect.poll(() => page.getByText('Open this page from the LumoPay app to see your bills.').isVisible()).toBe(true)
    await page.close()
  })

  test('the filter chips show only refunded or only paid bills, and All brings every bill back', async () => {
    const token = await demoToken('lumopay', 'e2e-filter')
    const { page, errors } = await openPage(`${siteUrl}/lumopay/en/bills/#token=${token}`)
    const bills = page.locator('.bill')
    await expect.poll(() => bills.count()).toBe(20)
    const refundedChip = page.getByRole('button', { name: 'Refunded' })
    await refundedChip.click()
    expect(await refundedChip.getAttribute('aria-pressed')).toBe('true')
    // Every bill shown carries a refund status once the refunded page has replaced the first one.
    await expect
      .poll(async () => {
        const shown = await bills.count()
        return shown > 0 && shown < 20 && shown === (await bills.locator('.status').count())
      })
      .toBe(true)
    expect((await bills.locator('.status').allTextContents()).every((text) => text === 'Refunded' || text === 'Partly refunded')).toBe(true)
    await page.getByRole('button', { name: 'Paid' }).click()
    await expect.poll(async () => [await bills.count(), await bills.locator('.status').count()]).toEqual([20, 0])
    await page.getByRole('button', { name: 'All' }).click()
    await expect.poll(() => bills.locator('.status').count()).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await page.close()
  })

  test('scrolling to the end loads every bill page by page, and Show more works from the keyboard', async () => {
    const token = await demoToken('lumopay', 'e2e-scroll')
    const { page, errors } = await openPage(`${siteUrl}/lumopay/en/bills/#token=${token}`)
    const bills = page.locator('.bill')
    await expect.poll(() => bills.count()).toBe(20)
    await page.getByRole('button', { name: 'Show more' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => bills.count()).toBeGreaterThanOrEqual(40)
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 5000)
        return bills.count()
      })
      .toBe(45)
    expect(await page.getByRole('button', { name: 'Show more' }).count()).toBe(0)
    const ids = await bills.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(new Set(ids).size).toBe(45)
    expect(errors).toEqual([])
    await page.close()
  })

  test.each([
    { tenant: 'lumopay', locale: 'en' },
    { tenant: 'hoshi', locale: 'ja' },
    { tenant: 'nakhla', locale: 'ar' },
  ])('a deep link to a bill in $locale paints as a bill, with its help, before scripts and the bill arrive', async ({ tenant, locale }) => {
    const token = await demoToken(tenant, 'e2e-bill-shell')
    const bill = (await asUser<BillPage>(tenant, token, '/v1/bills?limit=1')).items[0]!
    const strings = ((await import(`../../site/src/i18n/${locale}.json`)) as { default: Record<string, string> }).default
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } })
    const held: { scripts: (() => void)[]; bill: (() => void)[] } = { scripts: [], bill: [] }
    const hold = (into: (() => void)[]) => (route: Route) =>
      void new Promise<void>((resolve) => into.push(resolve)).then(() => route.continue())
    await page.route(/\/_astro\/.*\.js$/, hold(held.scripts))
    await page.route(new RegExp(`/v1/bills/${bill.id}`), hold(held.bill))
    await page.goto(`${siteUrl}/${tenant}/${locale}/bills/#token=${token}&bill=${bill.id}`)
    // The server's HTML, before any island script runs: a bill's skeleton and its help, not the list's.
    const shell = page.locator('.bill-detail-shell')
    expect(await shell.isVisible()).toBe(true)
    expect(await page.locator('.bills-waiting').isVisible()).toBe(false)
    expect(await shell.locator('.bill-help h3').textContent()).toBe(strings['bills.help.heading'])
    expect(await shell.locator('.bill-help p').isVisible()).toBe(true)
    await page.screenshot({ path: join(screenshotDir, `bill-shell-${locale}-320.png`), fullPage: true })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: join(screenshotDir, `bill-shell-${locale}-390.png`), fullPage: true })
    // Scripts arrive: the island says it is loading the bill, the help still in its place.
    held.scripts.splice(0).forEach((release) => release())
    await page.unroute(/\/_astro\/.*\.js$/)
    await expect.poll(() => held.bill.length).toBe(1)
    expect(await page.locator('.bill-detail:not(.bill-detail-shell) .skeleton').isVisible()).toBe(true)
    expect(await page.locator('.bill-help h3').textContent()).toBe(strings['bills.help.heading'])
    held.bill.splice(0).forEach((release) => release())
    await expect.poll(() => page.locator('.bill-detail .bill-number').textContent()).toBe(bill.id)
    expect(await page.locator('.bill-detail .skeleton').count()).toBe(0)
    expect(await page.locator('.bill-help .button').count()).toBeGreaterThan(0)
    await page.close()
  })

  test("a bill's largest paint (LCP) is the help text the server rendered, not one that waits for scripts and the bill", async () => {
    const token = await demoToken('lumopay', 'e2e-bill-lcp')
    const bill = (await asUser<BillPage>('lumopay', token, '/v1/bills?limit=1')).items[0]!
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } })
    await page.addInitScript(() => {
      const seen: { shell: boolean; text: string }[] = []
      Object.assign(window, { largestPaints: seen })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { element: Element | null })[])
          seen.push({ shell: !!entry.element?.closest('.bill-detail-shell'), text: entry.element?.textContent?.slice(0, 40) ?? '' })
      }).observe({ type: 'largest-contentful-paint', buffered: true })
    })
    await page.goto(`${siteUrl}/lumopay/en/bills/#token=${token}&bill=${bill.id}`)
    await expect.poll(() => page.locator('.bill-detail .bill-number').textContent()).toBe(bill.id)
    const paints = await page.evaluate(() => (window as unknown as { largestPaints: { shell: boolean; text: string }[] }).largestPaints)
    expect(paints.length).toBeGreaterThan(0)
    expect(paints.at(-1)).toEqual({ shell: true, text: en['bills.help.intro'].slice(0, 40) })
    await page.close()
  })

  test('a deep link opens one bill with both currencies, the rate, promotions and every refund', async () => {
    const token = await demoToken('lumopay', 'e2e-detail')
    const page1 = await asUser<BillPage>('lumopay', token, '/v1/bills?status=partially_refunded,refunded&limit=50')
    const details = await Promise.all(page1.items.map((item) => asUser<Bill>('lumopay', token, `/v1/bills/${item.id}`)))
    const bill = details.find((b) => b.refunds.length > 1) ?? details[0]!
    const { page, errors } = await openPage(`${siteUrl}/lumopay/en/bills/#token=${token}&bill=${bill.id}`)
    await expect.poll(() => page.locator('.bill-detail .merchant-name').textContent()).toBe(bill.merchant.name)
    expect(page.url()).toBe(`${siteUrl}/lumopay/en/bills/#bill=${bill.id}`)
    expect(await page.locator('.amount-paid').textContent()).toMatch(/^HK\$/)
    expect(await page.locator('.merchant-amount').textContent()).not.toMatch(/^HK\$/)
    // The rate reads in the direction that is at least 1, whichever way the MPP states it.
    const { from, to, rate } = bill.exchangeRate
    const [one, other] = rate >= 1 ? [from, to] : [to, from]
    const rateLine = (await page.locator('.rate').textContent())!
    expect(rateLine).toMatch(new RegExp(`^1 ${one} = [\\d.,]+ ${other}$`))
    expect(Number(rateLine.split(' = ')[1]!.split(' ')[0]!.replaceAll(',', ''))).toBeGreaterThanOrEqual(1)
    expect(await page.locator('.refund').count()).toBe(bill.refunds.length)
    expect(await page.locator('.refund .reason').allTextContents()).toEqual(bill.refunds.map((r) => en[`bills.refund.reason.${r.reason}`]))
    await page.getByRole('link', { name: 'Back to bills' }).click()
    await expect.poll(() => page.locator('.bill').count()).toBe(20)

    const promoted = (await asUser<BillPage>('lumopay', token, '/v1/bills?limit=50')).items
    const withPromotion = (await Promise.all(promoted.map((item) => asUser<Bill>('lumopay', token, `/v1/bills/${item.id}`)))).find(
      (b) => b.promotions.length,
    )!
    await page.locator(`a[href="#bill=${withPromotion.id}"]`).click()
    await expect.poll(() => page.locator('.promotions li').textContent()).toMatch(/^Alipay\+ Welcome Offer: −HK\$/)
    expect(errors).toEqual([])
    await page.close()
  })

  test('Get help with this bill opens the answers for its kind of bill, and a mail to the MPP names the bill', async () => {
    const token = await demoToken('lumopay', 'e2e-help')
    const refunded = (await asUser<BillPage>('lumopay', token, '/v1/bills?status=partially_refunded,refunded&limit=1')).items[0]!
    const { page, errors } = await openPage(`${siteUrl}/lumopay/en/bills/#token=${token}&bill=${refunded.id}`)
    const help = page.getByRole('region', { name: 'Get help with this bill' })
    await expect.poll(() => help.isVisible()).toBe(true)
    const mail = new URL((await help.getByRole('link', { name: 'Email LumoPay about this bill' }).getAttribute('href'))!)
    expect(mail.protocol + mail.pathname).toBe('mailto:help@lumopay.example')
    expect(mail.searchParams.get('subject')).toBe(`Bill ${refunded.id} (${refunded.merchant.name})`)
    expect(mail.searchParams.get('body')).toContain(`Bill number: ${refunded.id}\nMerchant: ${refunded.merchant.name}\nAmount paid: HK$`)
    await help.getByRole('link', { name: 'Find answers' }).click()
    await page.waitForURL((url) => url.pathname === '/lumopay/en/search/')
    expect(new URL(page.url()).searchParams.get('q')).toBe('I have a question about a refund')
    await expect.poll(() => page.getByLabel(en['ask.label']).inputValue()).toBe('I have a question about a refund')
    await expect.poll(() => page.locator('.ask-reply a').allTextContents()).toContainEqual(expect.stringMatching(/refund/i))
    expect(errors).toEqual([])
    await page.close()
  })

  test("another user's bill in a deep link is not found, and shows none of its data", async () => {
    const token = await demoToken('lumopay', 'e2e-snoop')
    const { page, errors } = await openPage(`${siteUrl}/lumopay/en/bills/#token=${token}&bill=${demoBills('lumopay', 'e2e-alice')[0]!.id}`)
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This was not found.')
    expect(await page.locator('.merchant-name').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })
})

describe('when the MPP fails', () => {
  const faults = [
    { fault: '500', message: 'LumoPay cannot be reached right now. Please try again.' },
    { fault: 'malformed', message: 'LumoPay sent an answer that cannot be shown. Please try again.' },
    // The client gives up after 10 s; the sandbox holds the answer longer.
    { fault: 'slow', latencyMs: 20_000, message: 'LumoPay is taking too long to answer. Check your connection and try again.' },
  ]

  test.each(faults)('a $fault answer shows its message, and Try again works once the MPP recovers', async ({ message, ...fault }) => {
    const token = await demoToken('lumopay', `e2e-fault-${fault.fault}`)
    await setFault('lumopay', token, fault)
    const { page, errors } = await openPage(`${siteUrl}/lumopay/en/bills/#token=${token}`)
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 20_000 }).toContain(message)
    expect(await page.locator('.bill').count()).toBe(0)
    await clearFault('lumopay', token)
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => page.locator('.bill').count()).toBe(20)
    expect(await page.getByRole('alert').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  test('an expired token is renewed by the wallet app through the host bridge, and the bills appear with no token in the address bar', async () => {
    const expired = await demoToken('lumopay', 'e2e-renewed', -60)
    const fresh = await demoToken('lumopay', 'e2e-renewed')
    const { page, errors } = await openRecordingPage(browser, `${siteUrl}/lumopay/en/bills/#token=${expired}`, (page) =>
      actAsReactNativeHost(page, 'lumopay', async () => fresh),
    )
    await expect.poll(() => page.locator('.bill').count()).toBe(20)
    expect(await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toEqual([
      { type: 'center:token-request', version: 1, tenant: 'lumopay' },
    ])
    expect(page.url()).toBe(`${siteUrl}/lumopay/en/bills/`)
    expect(await page.evaluate(() => sessionStorage.getItem('center.token:lumopay'))).toBe(fresh)
    expect(await page.getByRole('alert').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  test('with no app to answer, an expired token says to reopen the page from the app, offers no useless Try again, and a token in the fragment still brings the bills', async () => {
    const expired = await demoToken('lumopay', 'e2e-expired', -60)
    const { page, errors } = await openPage(`${siteUrl}/lumopay/en/bills/#token=${expired}`)
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Asking the LumoPay app for a new one')
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.textContent()).toContain('Your session has ended. Open this page again from the LumoPay app.')
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    const fresh = await demoToken('lumopay', 'e2e-expired')
    await page.evaluate((token) => {
      window.location.hash = `token=${token}`
    }, fresh)
    await expect.poll(() => page.locator('.bill').count()).toBe(20)
    expect(page.url()).toBe(`${siteUrl}/lumopay/en/bills/`)
    expect(errors).toEqual([])
    await page.close()
  })

  test('offline, the bills say so instead of an error, and load by themselves when the connection is back', async () => {
    const token = await demoToken('lumopay', 'e2e-offline')
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${siteUrl}/lumopay/en/bills/#token=${token}`)
    await expect.poll(() => page.locator('.bill').count()).toBe(20)
    await context.setOffline(true)
    await page.getByRole('button', { name: 'Refunded' }).click()
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain("You're offline. This page will try again when you're back online.")
    await context.setOffline(false)
    await expect.poll(() => page.locator('.bill .status-refunded, .bill .status-partially_refunded').count()).toBeGreaterThan(0)
    expect(await page.getByRole('alert').count()).toBe(0)
    await context.close()
  })

  test("the agreements page tells a failure in the user's language", async () => {
    const token = await demoToken('hoshi', 'e2e-fault-ja')
    await setFault('hoshi', token, { fault: '500' })
    const { page, errors } = await openPage(`${siteUrl}/hoshi/ja/agreements/#token=${token}`)
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('現在 Hoshi Wallet に接続できません。')
    await clearFault('hoshi', token)
    await page.getByRole('button', { name: '再試行' }).click()
    await expect.poll(() => page.locator('.agreement').count()).toBe(5)
    expect(errors).toEqual([])
    await page.close()
  })
})

describe("the sandbox's host-app demo (docs/host-bridge.md)", () => {
  let site: RunningSite
  const folders: string[] = []

  // The stack's Center may not be framed (frame-ancestors 'none'): this builds lumopay's site as an
  // MPP that frames it would, CENTER_FRAME_ANCESTORS naming the sandbox's origin.
  beforeAll(async () => {
    const live = mkdtempSync(join(tmpdir(), 'center-framed-'))
    folders.push(live)
    const snapshot = contentSnapshot('lumopay')
    const file = join(live, 'lumopay.json')
    writeFileSync(file, JSON.stringify({ ...snapshot, tenant: { ...snapshot.tenant, mppApiBaseUrl: `${mppUrl}/lumopay` } }))
    const env = {
      ...process.env,
      CENTER_SNAPSHOT: file,
      CENTER_TENANT: 'lumopay',
      CENTER_OUT_DIR: join(live, 'lumopay'),
      CENTER_FRAME_ANCESTORS: mppUrl,
    }
    await run(process.execPath, [join(import.meta.dirname, '..', '..', 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
      quiet: true,
    })
    // Astro writes the tenant's pages under <out>/lumopay/, as the live folder holds them.
    site = await startSite(await freePort(), join(live, 'lumopay'))
  }, 180_000)
  afterAll(async () => {
    await site?.close()
    folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }))
  })

  const demo = (answer: string) =>
    `${mppUrl}/lumopay/sandbox/host?start=expired&answer=${answer}&page=${encodeURIComponent(`${site.url}/lumopay/en/bills/`)}`

  test('framing the Center, it answers the expired page with a fresh token and the bills appear in the frame', async () => {
    const { page, errors } = await openPage(demo('token'))
    const frame = page.frameLocator('#center')
    await expect.poll(() => frame.locator('.bill').count()).toBe(20)
    expect(await page.locator('#log li').allTextContents()).toEqual([
      expect.stringContaining('Sent a fresh token.'),
      expect.stringContaining('The Center asked for a fresh token.'),
      expect.stringContaining('Opened the Center with an expired token.'),
    ])
    expect(errors).toEqual([])
    await page.close()
  })

  test('a host that never answers leaves the framed page saying to reopen it from the app', async () => {
    const { page } = await openPage(demo('none'))
    await expect
      .poll(() => page.frameLocator('#center').getByRole('alert').textContent())
      .toContain('Your session has ended. Open this page again from the LumoPay app.')
    expect(await page.frameLocator('#center').locator('.bill').count()).toBe(0)
    await page.close()
  })
})

/** Opens a user's agreement with a merchant and goes through the pre-check and the survey up to the confirmation. */
async function startCancelling(user: string, merchant: RegExp, reason: string) {
  const token = await demoToken('lumopay', user)
  const opened = await openPage(`${siteUrl}/lumopay/en/agreements/#token=${token}`)
  await opened.page.getByRole('link', { name: merchant }).click()
  await opened.page.getByRole('button', { name: 'Cancel agreement' }).click()
  await opened.page.getByLabel(reason).check()
  await opened.page.getByRole('button', { name: 'Continue' }).click()
  return { token, ...opened }
}

describe('auto-debit agreements', () => {
  test("the Center home's Auto-debit tile leads to the agreements page", async () => {
    const { page } = await openPage(`${siteUrl}/lumopay/en/`)
    await page
      .locator('.tiles')
      .getByRole('link', { name: /Auto-debit/ })
      .click()
    await page.waitForURL(`${siteUrl}/lumopay/en/agreements/`)
    expect(await page.locator('h1').textContent()).toBe('Auto-debit agreements')
    await page.close()
  })

  test('an agreement is cancelled once under a double click, with a reason and a confirmation', async () => {
    const { token, page, errors } = await startCancelling('e2e-double', /Spotify/, 'I no longer use it')
    expect(await page.getByRole('heading', { name: 'Cancel this agreement?' }).isVisible()).toBe(true)
    const cancels: Request[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/cancellation') && request.method() === 'POST') cancels.push(request)
    })
    await page.getByRole('button', { name: 'Yes, cancel it' }).dblclick()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Your agreement with Spotify is cancelled.')
    expect(cancels.length).toBeGreaterThan(0)
    expect(new Set(cancels.map((request) => request.headers()['idempotency-key'])).size).toBe(1)
    expect(JSON.parse(cancels[0]!.postData()!)).toEqual({ reason: 'not_used' })
    expect(await page.getByRole('alert').count()).toBe(0)
    const held = await asUser<{ items: Agreement[] }>('lumopay', token, '/v1/agreements')
    expect(held.items.find((a) => a.merchant.name === 'Spotify')!.status).toBe('cancelled')
    // The success state's button and the detail's own back link both lead to the list.
    await page.getByRole('link', { name: 'Back to agreements' }).first().click()
    await expect.poll(() => page.locator('.agreement-cancelled').count()).toBe(2)
    expect(errors).toEqual([])
    await page.close()
  })

  test("a refused pre-check sends the user to the merchant's own page", async () => {
    const token = await demoToken('lumopay', 'e2e-refused')
    const { page, errors } = await openPage(`${siteUrl}/lumopay/en/agreements/#token=${token}`)
    await page.getByRole('link', { name: /東京電力/ }).click()
    await page.getByRole('button', { name: 'Cancel agreement' }).click()
    const link = page.getByRole('link', { name: 'Go to 東京電力エナジーパートナー to cancel' })
    await expect.poll(() => link.getAttribute('href')).toBe('https://tepco.merchant.example/account/payments')
    expect(await page.getByRole('heading', { name: 'Cancel with the merchant' }).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Yes, cancel it' }).count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  test('when the MPP fails a cancel the agreement goes back to active, and Try again cancels it', async () => {
    const { token, page, errors } = await startCancelling('e2e-rollback', /Grab/, 'It is too expensive')
    await setFault('lumopay', token, { fault: '500' })
    await page.getByRole('button', { name: 'Yes, cancel it' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('LumoPay cannot be reached right now.')
    await expect.poll(() => page.locator('.facts .status').textContent()).toBe('Active')
    await clearFault('lumopay', token)
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect.poll(() => page.locator('.facts .status').textContent()).toBe('Cancelled')
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Your agreement with Grab is cancelled.')
    expect(errors).toEqual([])
    await page.close()
  })

  test('a pending agreement is enabled on the authorization step, whose terms box starts unticked', async () => {
    const token = await demoToken('lumopay', 'e2e-enable')
    const { page, errors } = await openPage(`${siteUrl}/lumopay/en/agreements/#token=${token}`)
    await page.getByRole('link', { name: /Klook/ }).click()
    await page.getByRole('button', { name: 'Review and authorize' }).click()
    const step = page.locator('.authorization')
    await expect.poll(() => step.getByRole('heading').textContent()).toBe('Authorize automatic payments')
    expect(await step.getByRole('img').count()).toBe(2)
    expect(await step.getByAltText('LumoPay logo').count()).toBe(1)
    expect(await step.locator('.masked-account').textContent()).toMatch(/^\+852 \*{4}\d{4}$/)
    expect(await step.locator('.merchant-name').textContent()).toBe('Klook')
    expect(await step.getByRole('link', { name: 'Read the auto-debit terms' }).getAttribute('href')).toBe(
      'https://lumopay.wallet.example/terms/auto-debit',
    )
    const terms = step.getByLabel('I have read and agree to the auto-debit terms')
    expect(await terms.isChecked()).toBe(false)
    const authorize = step.getByRole('button', { name: 'Authorize' })
    expect(await authorize.isDisabled()).toBe(true)
    await terms.check()
    await authorize.click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Klook can now charge you automatically.')
    await page.getByRole('button', { name: 'View authorization details' }).click()
    expect(await page.locator('.facts .status').textContent()).toBe('Active')
    await page.getByRole('link', { name: 'Back to agreements' }).click()
    await expect.poll(() => page.locator('.agreement-pending').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })
})
