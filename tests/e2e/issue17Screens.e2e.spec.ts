import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import type { BillPage } from '../../mpp/contract/schema'
import { demoToken, launchBrowser } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const mppUrl = inject('mppUrl')
/** Screenshots for review (git-ignored): the screens issue 17 changed, in a Latin, a CJK and an RTL locale. */
const shots = join(import.meta.dirname, 'screenshots')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  mkdirSync(shots, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

const sizes = [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
]
const visits = [
  { tenant: 'lumopay', locale: 'en', rewards: true },
  { tenant: 'hoshi', locale: 'ja', rewards: false },
  { tenant: 'nakhla', locale: 'ar', rewards: true },
]

/** Takes the screenshot and checks the screen does not scroll sideways, as a phone user would notice. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
}

describe.each(visits)('the changed screens of $tenant in $locale', ({ tenant, locale, rewards }) => {
  test.each(sizes)('at $width px: session ended, a bill with its help, the offline page and the tutorial fit the screen', async (size) => {
    const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1 })
    const page = await context.newPage()
    const at = `${tenant}-${locale}-${size.width}`

    await page.goto(`${siteUrl}/${tenant}/${locale}/bills/#token=${await demoToken(mppUrl, tenant, 'e2e-shots', -60)}`)
    await expect.poll(() => page.getByRole('alert').count()).toBe(1)
    await shoot(page, `session-ended-${at}`)

    const token = await demoToken(mppUrl, tenant, 'e2e-shots')
    const bills = (await (
      await fetch(`${mppUrl}/${tenant}/v1/bills?limit=1&status=partially_refunded,refunded`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as BillPage
    await page.goto(`${siteUrl}/${tenant}/${locale}/bills/#token=${token}&bill=${bills.items[0]!.id}`)
    await page.reload()
    await expect.poll(() => page.locator('.bill-help').count()).toBe(1)
    await shoot(page, `bill-help-${at}`)

    await page.goto(`${siteUrl}/${tenant}/${locale}/offline/`)
    await shoot(page, `offline-${at}`)

    if (rewards) {
      await page.goto(`${siteUrl}/${tenant}/${locale}/rewards/#token=${await demoToken(mppUrl, tenant, `new-e2e-shots-${Date.now()}`)}`)
      const card = page.locator('.campaign').first()
      await card.locator('.tutorial button').click()
      await expect.poll(() => card.locator('.tut svg').count()).toBe(1)
      // Mid-way through the second scene.
      await page.waitForTimeout(4500)
      await shoot(page, `tutorial-${at}`)
    }
    await context.close()
  })
})
