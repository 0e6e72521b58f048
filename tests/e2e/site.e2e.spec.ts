import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import type { Locale, Snapshot } from '../../content/schema'
import { startSite } from '../../scripts/lib/serve'
import { translator } from '../../site/src/i18n'
import { guidesInOrder, usedCategories } from '../../site/src/lib/content'
import { direction } from '../../site/src/lib/languages'
import { localize } from '../../site/src/lib/localize'
import { centerPath } from '../../site/src/lib/routes'
import { seriousViolations } from '../helpers/axe'
import { launchBrowser } from '../helpers/browser'
import { contentSnapshot } from '../helpers/contentSnapshots'
import { freePort } from '../helpers/freePort'

const siteUrl = inject('siteUrl')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Three tenants in one or two locales each, one of them right-to-left, one Thai, and a misspelled question each must find. */
const visits: { tenant: string; locale: Locale; misspelled: string; finds: string }[] = [
  { tenant: 'lumopay', locale: 'en', misspelled: 'how long dose a refnd take', finds: 'refund-time' },
  { tenant: 'lumopay', locale: 'zh-Hans', misspelled: '退款要多长时问', finds: 'refund-time' },
  { tenant: 'nakhla', locale: 'ar', misspelled: 'متى يصلني المبلع المسترد', finds: 'refund-how-long' },
  { tenant: 'nakhla', locale: 'en', misspelled: 'when wil I get my refnd', finds: 'refund-how-long' },
  // Two letters swapped at the end, as a thumb types them.
  { tenant: 'chaba', locale: 'th', misspelled: 'คืนเงินกี่วนั', finds: 'refund-time' },
]

type PageType = { type: string; path: string[]; heading: string; status?: number }

/** One page of every type in a tenant's Center, with the heading it must show. */
function pageTypes(snapshot: Snapshot, locale: Locale): PageType[] {
  const t = translator(locale)
  const { tenant } = snapshot
  const text = (value: Parameters<typeof localize>[0]) => localize(value, locale, tenant).text
  const guide = guidesInOrder(snapshot.guides)[1]!
  const category = usedCategories(snapshot.categories, snapshot.qas)[0]!
  const qa = snapshot.qas.find((item) => item.category === category.slug)!
  return [
    { type: 'home', path: [], heading: t('home.heading') },
    { type: 'guides', path: ['guides'], heading: t('guides.heading') },
    { type: 'guide', path: ['guides', guide.slug], heading: text(guide.title) },
    { type: 'qas', path: ['qas'], heading: t('qas.heading') },
    { type: 'category', path: ['qas', category.slug], heading: text(category.name) },
    { type: 'question', path: ['qas', qa.category, qa.slug], heading: text(qa.question) },
    { type: 'bills', path: ['bills'], heading: t('bills.heading') },
    { type: 'agreements', path: ['agreements'], heading: t('agreements.heading') },
    { type: 'rewards', path: ['rewards'], heading: t('rewards.heading') },
    { type: '404', path: ['no-such-page'], heading: t('notFound.heading'), status: 404 },
  ]
}

/** The brand colour as Chromium reports a computed colour. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`

async function open(path: string): Promise<{ page: Page; status: number }> {
  const page = await browser.newPage()
  const response = await page.goto(`${siteUrl}${path}`)
  return { page, status: response?.status() ?? 0 }
}

describe.each(visits)('the Center of $tenant in $locale', ({ tenant: slug, locale, misspelled, finds }) => {
  const snapshot = contentSnapshot(slug)
  const { tenant } = snapshot

  test("every page type shows its heading with lang, dir, hreflang alternates and the MPP's brand colour", async () => {
    for (const pageType of pageTypes(snapshot, locale)) {
      const { page, status } = await open(centerPath(slug, locale, ...pageType.path))
      expect(status, pageType.type).toBe(pageType.status ?? 200)
      expect(await page.getAttribute('html', 'lang'), pageType.type).toBe(locale)
      expect(await page.getAttribute('html', 'dir'), pageType.type).toBe(direction(locale))
      // Right-to-left headings isolate their Latin runs with invisible bidi controls (content/bidi.ts): the reader sees the text as written.
      expect((await page.locator('h1').textContent())?.replace(/[\u2066-\u2069]/g, ''), pageType.type).toBe(pageType.heading)
      const alternates = await page
        .locator('link[rel="alternate"]')
        .evaluateAll((links) => links.map((link) => [link.getAttribute('hreflang'), link.getAttribute('href')]))
      const shownPath = pageType.status === 404 ? ['404'] : pageType.path
      expect(alternates, pageType.type).toEqual(tenant.locales.map((other) => [other, centerPath(slug, other, ...shownPath)]))
      expect(await page.locator('header').evaluate((header) => getComputedStyle(header).backgroundColor), pageType.type).toBe(
        rgb(tenant.brand.primaryColor),
      )
      await page.close()
    }
  }, 180_000)

  test('a guide shows its numbered steps, its related questions and the next guide', async () => {
    const guide = guidesInOrder(snapshot.guides)[1]!
    const { page } = await open(centerPath(slug, locale, 'guides', guide.slug))
    expect(await page.locator('ol.steps > li').count()).toBe(guide.steps.length)
    expect(await page.locator('#related + ul a').count()).toBe(guide.related.length)
    const next = guidesInOrder(snapshot.guides)[2]!
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe(centerPath(slug, locale, 'guides', next.slug))
    expect(await page.locator('a[rel="prev"]').count()).toBe(1)
    await page.close()
  })

  test("a guide shows its step images at their own size with a text alternative, the app bar its title and a way back, and the home's app bar the MPP's logo", async () => {
    const guide = snapshot.guides.find((item) => item.steps.some((step) => step.image))!
    const { page } = await open(centerPath(slug, locale, 'guides', guide.slug))
    const images = page.locator('ol.steps img')
    expect(await images.count()).toBe(guide.steps.filter((step) => step.image).length)
    const media = snapshot.media.find((item) => item.file === guide.steps.find((step) => step.image)!.image)!
    await expect.poll(() => images.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(media.width)
    expect(await images.first().getAttribute('alt')).toBe(localize(media.alt, locale, tenant).text)
    expect(await images.first().getAttribute('height')).toBe(String(media.height))
    // Below home the app bar holds the page title and a back link; the MPP's logo sits in the home's app bar.
    expect(await page.locator('header .appbar-title').textContent()).toBe(localize(guide.title, locale, tenant).text)
    expect(await page.locator('header a.back').getAttribute('href')).toBe(centerPath(slug, locale, 'guides'))
    await page.close()
    const home = await open(centerPath(slug, locale))
    await expect
      .poll(() => home.page.locator('header .brand img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0)
    await home.page.close()
  })

  test('the rewards page says what it is without scripts and lists the campaigns running now', async () => {
    const { page } = await open(centerPath(slug, locale, 'rewards'))
    expect(await page.locator('main').textContent()).toContain(translator(locale)('rewards.needsApp', { mpp: tenant.name }))
    // Seeding makes every demo campaign live for a year (liveForAYearFrom), so the page lists each
    // one that content/ holds for this MPP, whatever today's date.
    expect(snapshot.campaigns.length).toBeGreaterThan(0)
    const listed = await page.locator('.campaigns > li').evaluateAll((items) => items.map((item) => item.id))
    expect(listed.sort()).toEqual(snapshot.campaigns.map((campaign) => campaign.slug).sort())
    await page.close()
  })

  test('every link on every page type leads to a page that exists', async () => {
    const links = new Set<string>()
    for (const pageType of pageTypes(snapshot, locale)) {
      const { page } = await open(centerPath(slug, locale, ...pageType.path))
      const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))
      hrefs.filter((href) => href.startsWith(siteUrl)).forEach((href) => links.add(href.split('#')[0]!))
      await page.close()
    }
    expect(links.size).toBeGreaterThan(10)
    const page = await browser.newPage()
    for (const link of links) expect((await page.request.get(link)).status(), link).toBe(200)
    await page.close()
  }, 180_000)

  test('the home page downloads no JavaScript until the user types, and a misspelled question is found', async () => {
    const page = await browser.newPage()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script' || request.url().endsWith('search.json')) scripts.push(request.url())
    })
    await page.goto(`${siteUrl}${centerPath(slug, locale)}`)
    await page.waitForLoadState('networkidle')
    expect(scripts).toEqual([])
    await page.getByLabel(translator(locale)('ask.label')).pressSequentially(misspelled, { delay: 20 })
    const qa = snapshot.qas.find((item) => item.slug === finds)!
    // The first link of the reply: the answer when the box is sure, else its first suggestion or result.
    const first = page.locator('.ask-reply a').first()
    await expect.poll(() => first.getAttribute('href')).toBe(centerPath(slug, locale, 'qas', qa.category, qa.slug))
    expect(scripts.some((url) => url.endsWith(`${centerPath(slug, locale)}search.json`))).toBe(true)
    await first.click()
    await expect.poll(() => page.locator('h1').textContent()).toBe(localize(qa.question, locale, tenant).text)
    await page.close()
  })

  test('Enter opens the results page with the question in its address, and the results page answers it there', async () => {
    const page = await browser.newPage()
    await page.goto(`${siteUrl}${centerPath(slug, locale)}`)
    const field = page.getByLabel(translator(locale)('ask.label'))
    await field.pressSequentially(misspelled, { delay: 20 })
    await field.press('Enter')
    await page.waitForURL((url) => url.pathname === centerPath(slug, locale, 'search') && url.searchParams.get('q') === misspelled)
    expect(await page.locator('h1').textContent()).toBe(translator(locale)('search.heading'))
    await expect.poll(() => page.getByLabel(translator(locale)('ask.label')).inputValue()).toBe(misspelled)
    const qa = snapshot.qas.find((item) => item.slug === finds)!
    await expect
      .poll(() => page.locator('.ask-reply a').first().getAttribute('href'))
      .toBe(centerPath(slug, locale, 'qas', qa.category, qa.slug))
    await page.close()
  })

  test('the results page shows its answer before React arrives, and the island then shows it once, with the vote', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
    // React's renderer is held back until the answer is on the screen.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/_astro\/client\.[^/]+\.js$/, async (route) => {
      await held
      await route.continue()
    })
    const qa = snapshot.qas.find((item) => item.slug === finds)!
    const question = localize(qa.question, locale, tenant).text
    await page.goto(`${siteUrl}${centerPath(slug, locale, 'search')}?q=${encodeURIComponent(question)}`)
    const title = page.locator('#ask-answer-title a')
    await expect.poll(() => title.getAttribute('href')).toBe(centerPath(slug, locale, 'qas', qa.category, qa.slug))
    expect(await title.textContent()).toBe(question)
    expect(await page.getByLabel(translator(locale)('ask.label')).inputValue()).toBe(question)
    const answer = await page.locator('.ask-answer .ask-text').innerText()
    expect(answer.length).toBeGreaterThan(20)
    expect(await page.locator('.ask-vote').count()).toBe(0)
    // Busy until the island has drawn its own copy, so a screen reader announces the answer once.
    expect(await page.locator('#ask-reply').getAttribute('aria-busy')).toBe('true')
    await title.focus()

    release()
    await expect.poll(() => page.locator('.ask-vote button').count()).toBe(2)
    expect(await page.locator('.ask-answer').count()).toBe(1)
    expect(await page.locator('.ask-answer .ask-text').innerText()).toBe(answer)
    expect(await title.getAttribute('href')).toBe(centerPath(slug, locale, 'qas', qa.category, qa.slug))
    expect(await page.locator('#ask-reply').getAttribute('aria-busy')).toBeNull()
    // The keyboard user's place is kept: the focus is on the same link in the island's copy.
    expect(await title.evaluate((link) => link === document.activeElement)).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })

  test('without scripts the results page still lists every guide and Q&A', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`${siteUrl}${centerPath(slug, locale, 'search')}?q=refund`)
    const listed = await page.locator('#browse + ul a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(listed).toHaveLength(snapshot.qas.length + snapshot.guides.length)
    await context.close()
  })
})

describe('offline', () => {
  test("pages seen once, and every locale's home, still open after the connection is gone", async () => {
    // A server of our own to switch off, on its own origin, serving the same live builds.
    const site = await startSite(await freePort(), inject('liveDir'))
    const context = await browser.newContext()
    const page = await context.newPage()
    const guide = contentSnapshot('lumopay').guides[0]!
    await page.goto(`${site.url}${centerPath('lumopay', 'en', 'guides', guide.slug)}`)
    await page.evaluate(() => navigator.serviceWorker.ready)
    await page.reload()
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
    const heading = await page.locator('h1').textContent()
    site.server.closeAllConnections()
    await site.close()

    await page.reload()
    expect(await page.locator('h1').textContent()).toBe(heading)
    await page.goto(`${site.url}${centerPath('lumopay', 'zh-Hant')}`)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant')
    expect(await page.locator('h1').textContent()).toBe(translator('zh-Hant')('home.heading'))

    // A page never opened on this phone: the locale's offline page says so, at the address asked for, not the home.
    const neverSeen = centerPath('lumopay', 'zh-Hant', 'guides', contentSnapshot('lumopay').guides.at(-1)!.slug)
    await page.goto(`${site.url}${neverSeen}`)
    const t = translator('zh-Hant')
    expect(await page.locator('h1').textContent()).toBe(t('offline.heading'))
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant')
    expect(page.url()).toBe(`${site.url}${neverSeen}`)
    expect(await page.locator('.offline-page .state-icon svg').count()).toBe(1)
    expect(await page.getByRole('link', { name: t('offline.home') }).getAttribute('href')).toBe(centerPath('lumopay', 'zh-Hant'))
    expect(await page.locator('[aria-current="page"]').count()).toBe(0)
    await context.close()
  })
})

describe('accessibility', () => {
  test.each(visits)(
    'axe-core finds no serious or critical violation on any page type of $tenant in $locale',
    async ({ tenant: slug, locale }) => {
      for (const pageType of pageTypes(contentSnapshot(slug), locale)) {
        const { page } = await open(centerPath(slug, locale, ...pageType.path))
        await page.waitForLoadState('networkidle')
        expect(await seriousViolations(page), `${slug}/${locale} ${pageType.type}`).toEqual([])
        await page.close()
      }
    },
    180_000,
  )

  test('a keyboard user sees where the focus is and reaches the search and ask field', async () => {
    const { page } = await open(centerPath('nakhla', 'ar'))
    await page.keyboard.press('Tab')
    const outline = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement
      return getComputedStyle(focused).outlineStyle
    })
    expect(outline).toBe('solid')
    for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.id === 'ask-query')); i++)
      await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ask-query')
    await page.close()
  })

  test('links and buttons are at least 44 pixels tall at 320 pixels wide', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } })
    await page.goto(`${siteUrl}${centerPath('lumopay', 'en', 'guides', guidesInOrder(contentSnapshot('lumopay').guides)[0]!.slug)}`)
    const small = await page
      .locator('header a, nav a, footer a, button, summary, .pager a')
      .evaluateAll((targets) =>
        targets.filter((target) => target.getBoundingClientRect().height < 44).map((target) => target.outerHTML.slice(0, 80)),
      )
    expect(small).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await page.close()
  })
})
