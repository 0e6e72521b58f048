import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { collectionLabels } from '../../cms/i18n/collectionLabels'
import { fieldLabels } from '../../cms/i18n/fieldLabels'
import { adminTranslations } from '../../cms/i18n/translations'
import type { Locale } from '../../content/schema'
import { translator } from '../../site/src/i18n'
import { guidesInOrder, usedCategories } from '../../site/src/lib/content'
import { centerPath } from '../../site/src/lib/routes'
import { seriousViolations } from '../helpers/axe'
import { demoToken, launchBrowser, recordErrors, signIn } from '../helpers/browser'
import { contentSnapshot } from '../helpers/contentSnapshots'

const siteUrl = inject('siteUrl')
const mppUrl = inject('mppUrl')
const cmsUrl = inject('cmsUrl')

/** Where the screenshots go (git-ignored): every one is looked at before a screen is called done. */
const shots = join(import.meta.dirname, 'screenshots', 'screens')
const widths = [390, 320] as const

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
  mkdirSync(shots, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

/** What a phone user would see wrong on a screen, at the viewport's width. */
type Problems = { overflow: number; small: string[]; markdown: string[] }

/**
 * Measured in the page: how far it scrolls sideways, the visible tap targets under 44 × 44 px
 * (links inside running text are exempt, as WCAG's inline exception says; a radio or checkbox
 * counts by its label), and Markdown syntax that reached the screen unrendered.
 */
function measure(page: Page, region?: string): Promise<Problems> {
  return page.evaluate((region) => {
    const width = document.documentElement.clientWidth
    const root = region ? document.querySelector<HTMLElement>(region)! : document.body
    const inline = (element: Element) =>
      element.tagName === 'A' &&
      getComputedStyle(element).display === 'inline' &&
      (element.parentElement?.textContent ?? '').trim().length > (element.textContent ?? '').trim().length + 1
    const small = [...root.querySelectorAll('a[href], button, input, select, textarea, summary, [role="button"]')]
      .map((element) => (element instanceof HTMLInputElement && element.closest('label')) || element)
      .filter((element, at, all) => all.indexOf(element) === at)
      .filter((element) => {
        const box = element.getBoundingClientRect()
        const style = getComputedStyle(element)
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') return false
        if (element.closest('[aria-hidden="true"], .visually-hidden, .skip-link')) return false
        return !inline(element) && (box.height < 43.5 || box.width < 43.5)
      })
      .map((element) => {
        const box = element.getBoundingClientRect()
        return `${element.outerHTML.slice(0, 70)} (${Math.round(box.width)}×${Math.round(box.height)})`
      })
    const text = root.innerText
    const markdown = [/\*\*[^*\n]+\*\*/, /\]\([^)\s]+\)/, /^#{1,6} /m, /`[^`\n]+`/, /^\s*[-*] \S/m, /\\[*_[\]]/]
      .map((pattern) => text.match(pattern)?.[0])
      .filter((hit): hit is string => Boolean(hit))
    return { overflow: document.documentElement.scrollWidth - width, small, markdown }
  }, region)
}

type Screen = {
  name: string
  /** Opens the screen in the page and waits until what the user came for is on it. */
  open: (page: Page) => Promise<unknown>
}

type Visit = { tenant: string; locale: Locale; only?: string[] }

/** A user token of its own for each screen, so that cancelling or claiming on one screen changes no other. */
const tokenFor = (tenant: string, user: string) => demoToken(mppUrl, tenant, `${user}-${Date.now()}`)

const go = (page: Page, path: string) => page.goto(`${siteUrl}${path}`)
const seen = (page: Page, selector: string) => page.locator(selector).first().waitFor({ state: 'visible', timeout: 20_000 })

/** The rewards tutorial finished and the voucher claimed over the Center API, as the island would do it. */
async function claimFirstVoucher(tenant: string, token: string): Promise<boolean> {
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    fetch(`${cmsUrl}/api/rewards${path}?tenant=${tenant}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as Record<string, any> }))
  const mine = await call('GET', '/mine')
  const tutorial = (mine.body.tutorials as { campaign: string; parts: number }[] | undefined)?.[0]
  if (!tutorial) return false
  for (let step = 1; step <= tutorial.parts; step++) await call('POST', `/${tutorial.campaign}/progress`, {}, { step })
  const claim = await call('POST', `/${tutorial.campaign}/claim`, { 'idempotency-key': `screens-${Date.now()}` })
  return claim.status === 201
}

/** Every page type of the Center as a wallet user meets it, with live data from the sandbox MPP. */
function screens({ tenant, locale, only }: Visit): Screen[] {
  return allScreens(tenant, locale).filter((screen) => !only || only.includes(screen.name))
}

function allScreens(tenant: string, locale: Locale): Screen[] {
  const snapshot = contentSnapshot(tenant)
  const guide = guidesInOrder(snapshot.guides)[1]!
  const category = usedCategories(snapshot.categories, snapshot.qas)[0]!
  const qa = snapshot.qas.find((item) => item.category === category.slug)!
  const path = (...parts: string[]) => centerPath(tenant, locale, ...parts)
  const hasRewards = (snapshot.campaigns ?? []).length > 0
  const t = translator(locale)
  const content = (name: string, parts: string[]): Screen => ({ name, open: (page) => go(page, path(...parts)) })
  return [
    content('home', []),
    content('guides', ['guides']),
    content('guide', ['guides', guide.slug]),
    content('qas', ['qas']),
    content('category', ['qas', category.slug]),
    {
      name: 'question',
      open: async (page) => {
        await go(page, path('qas', qa.category, qa.slug))
        await seen(page, '.qa-vote button, .vote button')
      },
    },
    {
      name: 'search',
      open: async (page) => {
        const words = snapshot.qas[0]!.question[locale] ?? snapshot.qas[0]!.question[snapshot.tenant.defaultLocale]!
        await go(page, `${path('search')}?q=${encodeURIComponent(words)}`)
        // The page draws the answer itself; the vote appears once the island has taken it over.
        await seen(page, '.ask-answer .ask-vote button')
      },
    },
    {
      name: 'bills',
      open: async (page) => {
        await go(page, `${path('bills')}#token=${await tokenFor(tenant, 'screens-bills')}`)
        await seen(page, '.bill')
      },
    },
    {
      name: 'bill',
      open: async (page) => {
        await go(page, `${path('bills')}#token=${await tokenFor(tenant, 'screens-bill')}`)
        await seen(page, '.bill a')
        await page.locator('.bill a').first().click()
        await seen(page, '.bill-detail .bill-number')
        await seen(page, '.bill-help')
      },
    },
    {
      // An expired token and no wallet app to ask for a new one: the page says to reopen it from the app.
      name: 'session-ended',
      open: async (page) => {
        await go(page, `${path('bills')}#token=${await demoToken(mppUrl, tenant, 'screens-expired', -60)}`)
        await seen(page, '[role="alert"]')
      },
    },
    {
      name: 'agreements',
      open: async (page) => {
        await go(page, `${path('agreements')}#token=${await tokenFor(tenant, 'screens-agreements')}`)
        await seen(page, '.agreement')
      },
    },
    {
      name: 'agreement',
      open: async (page) => {
        await go(page, `${path('agreements')}#token=${await tokenFor(tenant, 'screens-agreement')}`)
        await seen(page, '.agreement-active a')
        await page.locator('.agreement-active a').first().click()
        await seen(page, '.agreement-detail .scopes li')
      },
    },
    {
      name: 'cancel-confirm',
      open: async (page) => {
        await go(page, `${path('agreements')}#token=${await tokenFor(tenant, 'screens-cancel')}`)
        await seen(page, '.agreement-active a')
        // The first active agreement the Center itself may cancel (some only the merchant can).
        for (let at = 0; at < (await page.locator('.agreement-active a').count()); at++) {
          await page.locator('.agreement-active a').nth(at).click()
          await page.locator('.agreement-detail > button').click()
          await seen(page, '.survey, .refused')
          if (await page.locator('.survey').count()) break
          await page.locator('.agreement-detail a.back').click()
          await seen(page, '.agreement-active a')
        }
        await page.locator('.survey input[type="radio"]').first().check()
        await page.locator('.survey button[type="submit"]').click()
        await seen(page, '.confirm button.danger')
      },
    },
    {
      name: 'cancel-done',
      open: async (page) => {
        await allScreens(tenant, locale)
          .find((screen) => screen.name === 'cancel-confirm')!
          .open(page)
        await page.locator('.confirm button.danger').click()
        await seen(page, '.state.done')
      },
    },
    // An MPP without rewards has no rewards page (hoshi): its CJK rewards screens are lumopay's in zh-Hant.
    ...(hasRewards
      ? [
          {
            name: 'rewards',
            open: async (page: Page) => {
              await go(page, `${path('rewards')}#token=${await tokenFor(tenant, 'new-screens')}`)
              await seen(page, '.campaign button')
            },
          },
          {
            name: 'tutorial',
            open: async (page: Page) => {
              await go(page, `${path('rewards')}#token=${await tokenFor(tenant, 'new-screens-tutorial')}`)
              await page.locator('.campaign .tutorial button').first().click()
              await seen(page, '.campaign .tut svg')
            },
          },
          {
            name: 'rewards-claimed',
            open: async (page: Page) => {
              const token = await tokenFor(tenant, 'new-screens-claimed')
              expect(await claimFirstVoucher(tenant, token)).toBe(true)
              await go(page, `${path('rewards')}#token=${token}`)
              await seen(page, '.voucher code')
            },
          },
        ]
      : []),
    {
      name: 'offline',
      open: async (page) => {
        // Seen once, so the worker is installed; then a page never visited, with the connection gone.
        await go(page, path())
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
        await page.reload()
        await page.context().setOffline(true)
        await go(page, path('qas', snapshot.qas.at(-1)!.category, snapshot.qas.at(-1)!.slug))
        expect(await page.locator('h1').textContent()).toBe(t('offline.heading'))
      },
    },
    { name: 'not-found', open: (page) => go(page, path('no-such-page')) },
  ]
}

const visits: Visit[] = [
  { tenant: 'lumopay', locale: 'en' },
  { tenant: 'hoshi', locale: 'ja' },
  { tenant: 'nakhla', locale: 'ar' },
  { tenant: 'lumopay', locale: 'zh-Hant', only: ['rewards', 'tutorial', 'rewards-claimed'] },
  // Korean breaks between words, not syllables: its prose and tiles, and Japanese merchant names in Korean list rows.
  { tenant: 'hoshi', locale: 'ko', only: ['home', 'question', 'bills', 'agreements'] },
  // Thai needs its own font and has no spaces between words: every screen once more.
  { tenant: 'chaba', locale: 'th' },
]

/** A phone-sized page that records its errors, as the wallet's webview or an editor's phone opens it. */
async function phonePage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: widths[0], height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
  })
  const page = await context.newPage()
  return { context, page, errors: recordErrors(page) }
}

/**
 * The same checks for every screen: a full-page screenshot and the measures at each width, then
 * axe once (contrast, names and roles do not change with the width), then the console's errors.
 * `region` scopes axe and the tap targets to a part of the page that is ours.
 */
async function expectFitsPhones(page: Page, errors: string[], shot: string, region?: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  const found: Record<number, Problems> = {}
  for (const width of widths) {
    await page.setViewportSize({ width, height: width === 320 ? 640 : 844 })
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: join(shots, `${shot}-${width}.png`), fullPage: true })
    found[width] = await measure(page, region)
  }
  expect(await seriousViolations(page, region)).toEqual([])
  for (const width of widths) expect(found[width], `${shot} at ${width} px`).toEqual({ overflow: 0, small: [], markdown: [] })
  expect(errors).toEqual([])
}

describe.each(visits)('every screen of $tenant in $locale on a phone', (visit) => {
  test.each(screens(visit).map((screen) => ({ ...screen, label: screen.name })))(
    '$label: fits 390 and 320 px, tap targets of 44 px, no serious axe violation, no console error, no raw Markdown',
    async ({ name, open }) => {
      const { context, page, errors } = await phonePage()
      try {
        await open(page)
        await expectFitsPhones(page, errors, `${visit.tenant}-${visit.locale}-${name}`)
      } finally {
        await context.close()
      }
    },
  )
})

/** Editors of each MPP, each in an admin language of another script. */
const adminVisits = [
  { language: 'en', editor: 'editor@lumopay.local' },
  { language: 'ja', editor: 'editor@hoshi.local' },
  { language: 'ar', editor: 'editor@nakhla.local' },
] as const

/**
 * Payload's own chrome fails where we cannot reach it: its locale picker's react-select input has
 * no label and an aria-hidden indicator inside it takes focus (axe), and its nav links, header
 * icons and the cards' "create" buttons are 16 to 35 px tall. Axe and the tap targets check our
 * dashboard; the overflow check still covers the whole page.
 */
const dashboardRegion = '.mpp-dashboard'

/**
 * A draft of the MPP's last Q&A with a new default-locale wording, so the dashboard lists a draft
 * and the translations it outdates, with their links, and not only empty panels.
 */
async function draftForDashboard(editor: string): Promise<void> {
  const call = async (path: string, init: RequestInit = {}, token?: string) => {
    const response = await fetch(`${cmsUrl}/api${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    })
    expect(response.status, path).toBe(200)
    return (await response.json()) as Record<string, any>
  }
  const { token, user } = await call('/users/login', { method: 'POST', body: JSON.stringify({ email: editor, password: 'center-editor' }) })
  const tenant = await call(`/tenants/${user.tenants[0].tenant.id ?? user.tenants[0].tenant}?depth=0`, {}, token)
  const { docs } = await call(`/qas?limit=1&depth=0&sort=-slug&where[tenant][equals]=${tenant.id}`, {}, token)
  const draft: Record<string, string> = { en: 'Draft', ja: '下書き', ar: 'مسودة' }
  const wording = `${draft[tenant.defaultLocale] ?? 'Draft'} ${Date.now().toString(36)}`
  await call(
    `/qas/${docs[0].id}?draft=true&locale=${tenant.defaultLocale}`,
    { method: 'PATCH', body: JSON.stringify({ question: wording }) },
    token,
  )
}

describe('the admin dashboard on a phone', () => {
  test.each(adminVisits)(
    "$editor's dashboard in $language: in that language and direction, fits 390 and 320 px, tap targets of 44 px, no serious axe violation, no console error",
    async ({ language, editor }) => {
      const { context, page, errors } = await phonePage()
      try {
        await draftForDashboard(editor)
        await signIn(page, cmsUrl, editor, 'center-editor')
        // What the language picker in the editor's account stores.
        await context.addCookies([{ name: 'payload-lng', value: language, url: cmsUrl }])
        await page.goto(`${cmsUrl}/admin`)
        await seen(page, '.mpp-tenant')
        const html = page.locator('html')
        expect([await html.getAttribute('lang'), await html.getAttribute('dir')]).toEqual([language, language === 'ar' ? 'RTL' : 'LTR'])
        const strings = adminTranslations[language].dashboard
        expect(await page.locator('.mpp-dashboard h1').textContent()).toBe(strings.title)
        expect(await page.locator('.mpp-panel h3').allTextContents()).toEqual(
          expect.arrayContaining([expect.stringContaining(strings.draftsTitle), expect.stringContaining(strings.buildsTitle)]),
        )
        expect(await page.locator('.mpp-rows a').count()).toBeGreaterThan(1)
        // The navigation names the collections in the admin's language too (it is folded away on a phone).
        expect(await page.locator('nav a[href$="/admin/collections/guides"]').first().textContent()).toBe(
          collectionLabels.guides.plural[language],
        )
        await expectFitsPhones(page, errors, `admin-${language}-dashboard`, dashboardRegion)
      } finally {
        await context.close()
      }
    },
  )
})

/** How far the page itself scrolls sideways, as a phone scrolls it. */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe('an editing form on a phone', () => {
  test.each(adminVisits)(
    "$editor's Q&A list and form in $language: fields named in that language, no sideways scroll at 390 and 320 px, no console error",
    async ({ language, editor }) => {
      const { context, page, errors } = await phonePage()
      try {
        await signIn(page, cmsUrl, editor, 'center-editor')
        await context.addCookies([{ name: 'payload-lng', value: language, url: cmsUrl }])
        await page.goto(`${cmsUrl}/admin/collections/qas`)
        await seen(page, '.table a[href*="/admin/collections/qas/"]')
        // Measured once the list has hydrated: before that its table is not yet its own scroll box.
        await page.waitForLoadState('networkidle')
        for (const width of widths) {
          await page.setViewportSize({ width, height: width === 320 ? 640 : 844 })
          await page.screenshot({ path: join(shots, `admin-${language}-qa-list-${width}.png`), fullPage: true })
          // Right to left, Payload's edge-to-edge table once stood 32 px past the left edge.
          expect(await sideways(page), `the list in ${language} at ${width} px`).toBe(0)
        }
        await page.locator('.table a[href*="/admin/collections/qas/"]').first().click()
        await seen(page, '.doc-controls__meta')
        await page.waitForLoadState('networkidle')
        expect(await page.locator('.field-label').allTextContents()).toEqual(
          expect.arrayContaining([expect.stringContaining(fieldLabels.qas.question[language])]),
        )
        await page.evaluate(() => document.fonts.ready.then(() => undefined))
        for (const width of widths) {
          await page.setViewportSize({ width, height: width === 320 ? 640 : 844 })
          await page.screenshot({ path: join(shots, `admin-${language}-qa-form-${width}.png`), fullPage: true })
          // The header's dates and breadcrumb once pushed the form 23–103 px wide.
          expect(await sideways(page), `the form in ${language} at ${width} px`).toBe(0)
        }
        expect(errors).toEqual([])
      } finally {
        await context.close()
      }
    },
  )
})
