import { Agent, request as httpRequest } from 'node:http'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { fieldLabels } from '../../cms/i18n/fieldLabels'
import { cmsKeepAliveMs } from '../../scripts/lib/start'
import { launchBrowser, signIn } from '../helpers/browser'
import { rootDir } from '../helpers/center'

const screenshots = join(rootDir, 'tests', 'e2e', 'screenshots')
const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')

let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('the running Center', () => {
  test('npm start prints the URLs, the demo logins and demo links for every MPP in its default locale', () => {
    const output = inject('startOutput')
    expect(output).toContain(`CMS admin   ${cmsUrl}/admin`)
    expect(output).toContain(`Site        ${siteUrl}/`)
    expect(output).toContain('admin@center.local / center-admin')
    expect(output).toMatch(new RegExp(`${siteUrl}/[a-z-]+/en/bills/#token=[\\w-]+\\.[\\w-]+\\.[\\w-]+`))
    expect(output).toMatch(new RegExp(`${siteUrl}/[a-z-]+/en/agreements/#token=`))
    expect(output).toContain('editor@chaba.local / center-editor')
    expect(output).toMatch(new RegExp(`${siteUrl}/chaba/th/bills/#token=[\\w-]+\\.[\\w-]+\\.[\\w-]+`))
    expect(output).toMatch(new RegExp(`${siteUrl}/chaba/th/rewards/#token=`))
    expect(output).not.toMatch(new RegExp(`${siteUrl}/hoshi/ja/rewards/`))
  })

  test("an editor signs in to the admin and sees their MPP's guides", async () => {
    page = await browser.newPage()
    await signIn(page, cmsUrl, 'editor@lumopay.local', 'center-editor')
    // In English: the admin keeps each user's last locale, and another test may have left this editor in zh-Hant.
    await page.goto(`${cmsUrl}/admin/collections/guides?locale=en`)
    await expect.poll(() => page.getByRole('link', { name: 'Pay in an online shop' }).count()).toBeGreaterThan(0)
    await page.close()
  })

  test("a Japanese editor's Q&A list and form name the fields in Japanese", async () => {
    page = await browser.newPage()
    await signIn(page, cmsUrl, 'editor@hoshi.local', 'center-editor')
    await page.context().addCookies([{ name: 'payload-lng', value: 'ja', url: cmsUrl }])
    await page.goto(`${cmsUrl}/admin/collections/qas`)
    const headers = page.locator('table thead th')
    await expect
      .poll(() => headers.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining(fieldLabels.qas.question.ja),
          expect.stringContaining(fieldLabels.qas.category.ja),
        ]),
      )
    expect((await headers.allTextContents()).join(' ')).not.toMatch(/Question|Category|Pinned/)
    await page.locator('table tbody tr a').first().click()
    await expect
      .poll(() => page.locator('label.field-label').allTextContents())
      .toEqual(
        expect.arrayContaining([expect.stringContaining(fieldLabels.qas.answer.ja), expect.stringContaining(fieldLabels.qas.keywords.ja)]),
      )
    await page.close()
  })

  test("an editor of hoshi is offered only hoshi's locales in the admin's locale menu, Japanese first", async () => {
    page = await browser.newPage()
    await signIn(page, cmsUrl, 'editor@hoshi.local', 'center-editor')
    await page.goto(`${cmsUrl}/admin/collections/qas`)
    await page.locator('table tbody tr a').first().click()
    // Signed in for the first time, hoshi's editor works in hoshi's default locale.
    await expect.poll(() => page.locator('.localizer button').first().textContent()).toContain('Japanese')
    await page.locator('.localizer button').first().click()
    const menu = page.locator('.popup__scroll-container, .localizer .popup__content').first()
    await expect.poll(() => menu.innerText()).toContain('Korean')
    // One entry per locale, each ending in its code: the menu's text is cut after every "(xx)" (laid-out text may run
    // the entries together while the popup opens). Payload joins the label and the code with a no-break space.
    const options = (await menu.textContent())!
      .split(/(?<=\([a-z]{2,3}(?:-[A-Za-z]{4})?\))/)
      .map((entry) => entry.replace(/\s+/g, ' ').trim())
    expect(options.filter(Boolean)).toEqual(['Japanese (default) (ja)', 'English (en)', 'Korean (ko)'])
    // In a Japanese admin, the menu names them in Japanese.
    await page.context().addCookies([{ name: 'payload-lng', value: 'ja', url: cmsUrl }])
    await page.reload()
    await page.locator('.localizer button').first().click()
    await expect.poll(() => menu.innerText()).toContain('韓国語')
    const japanese = (await menu.textContent())!
      .split(/(?<=\([a-z]{2,3}(?:-[A-Za-z]{4})?\))/)
      .map((entry) => entry.replace(/\s+/g, ' ').trim())
    expect(japanese.filter(Boolean)).toEqual(['日本語（既定） (ja)', '英語 (en)', '韓国語 (ko)'])
    await page.screenshot({ path: join(screenshots, 'admin-locale-menu-ja-1280.png') })
    // On a phone, in Arabic.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.context().addCookies([{ name: 'payload-lng', value: 'ar', url: cmsUrl }])
    await page.reload()
    await page.locator('.localizer button').first().click()
    await expect.poll(() => menu.innerText()).toContain('اليابانية (الافتراضية)')
    await page.screenshot({ path: join(screenshots, 'admin-locale-menu-ar-390.png') })
    await page.close()
  })

  test('a wallet user reads the Center home, a guide and the Q&As in Chinese', async () => {
    page = await browser.newPage()
    await page.goto(`${siteUrl}/lumopay/zh-Hans/`)
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans')
    expect(await page.locator('h1').textContent()).toBe('需要什么帮助？')
    await page.getByRole('link', { name: '付款指南' }).first().click()
    await page.getByRole('link', { name: '在网店付款' }).click()
    expect(await page.locator('ol li').count()).toBe(3)
    const scripts: string[] = []
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()))
    await page.goto(`${siteUrl}/lumopay/zh-Hans/qas/`)
    await page.getByText('退款需要多长时间？').click()
    await expect.poll(() => page.locator('#refund-time').getByText('1 至 3 个工作日').isVisible()).toBe(true)
    // The search island waits for a keystroke: reading Q&As downloads no JavaScript.
    expect(scripts).toEqual([])
    await page.close()
  })

  test("the CMS keeps a client's idle connection open past Node's 5 s default, so the client's next request goes on the same connection", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const get = () =>
      new Promise<{ status: number; keepAlive: string; port: number }>((resolve, reject) => {
        const call = httpRequest(`${cmsUrl}/api/ready`, { agent }, (response) => {
          const port = response.socket.localPort ?? 0
          const keepAlive = String(response.headers['keep-alive'])
          response.resume()
          response.on('end', () => resolve({ status: response.statusCode ?? 0, keepAlive, port }))
        })
        call.on('error', reject)
        call.end()
      })
    const first = await get()
    expect(first.status).toBe(200)
    // The server says how long it keeps the connection (clients and proxies close theirs sooner).
    expect(first.keepAlive).toBe(`timeout=${cmsKeepAliveMs / 1000}`)
    await new Promise((resolve) => setTimeout(resolve, 6000))
    const second = await get()
    agent.destroy()
    expect(second.status).toBe(200)
    expect(second.port).toBe(first.port)
  }, 20_000)
})
