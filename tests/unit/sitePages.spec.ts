import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

import { searcher, type AskIndex, type SearchHit } from '../../content/ask'
import { campaignPhase, liveForAYearFrom } from '../../content/campaigns'
import { markdownText, renderMarkdown } from '../../content/markdown'
import { parseSnapshot, type Locale, type Snapshot } from '../../content/schema'
import { notFoundPage } from '../../scripts/lib/serve'
import {
  formatDate,
  formatNumber,
  guidesAbout,
  guidesInOrder,
  liveCampaigns,
  neighbours,
  popularQas,
  qasIn,
  relatedQas,
  usedCategories,
} from '../../site/src/lib/content'
import { pagePaths, sections, sitemapXml } from '../../site/src/lib/routes'
import { localizeList, searchDocs, searchFile } from '../../site/src/lib/searchIndex'
import hostileJson from '../fixtures/hostile.json'
import { contentSnapshot } from '../helpers/contentSnapshots'

const hostile = parseSnapshot(hostileJson, 'hostile.json')

/** Searches a tenant's index as the ask box does: the prebuilt index, parsed, not rebuilt. */
function search(snapshot: Snapshot, locale: Locale, query: string): SearchHit[] {
  return searcher(JSON.parse(JSON.stringify(searchFile(snapshot, locale))) as AskIndex)(query)
}

describe('what the pages list', () => {
  const qa = (slug: string, order: number, pinned = false) => ({ slug, order, pinned })

  test("popular questions put pinned ones first, then follow the MPP's order, up to the limit", () => {
    const qas = [qa('a', 3), qa('b', 2, true), qa('c', 1), qa('d', 1, true), qa('e', 2)]
    expect(popularQas(qas, 4).map((q) => q.slug)).toEqual(['d', 'b', 'c', 'e'])
    expect(popularQas([], 5)).toEqual([])
  })

  test('guides read by product, online then in-store then auto-debit, and by order inside each', () => {
    const guides = [
      { slug: 'debit', product: 'auto-debit' as const, order: 1, related: ['x'] },
      { slug: 'store-2', product: 'in-store' as const, order: 2, related: [] },
      { slug: 'online', product: 'online' as const, order: 5, related: ['x'] },
      { slug: 'store-1', product: 'in-store' as const, order: 1, related: [] },
    ]
    expect(guidesInOrder(guides).map((g) => g.slug)).toEqual(['online', 'store-1', 'store-2', 'debit'])
    // Previous and next stay within the guide's product: the last in-store guide does not lead to auto-debit.
    expect(neighbours(guides, 'store-1')).toEqual({ previous: undefined, next: guides[1] })
    expect(neighbours(guides, 'store-2')).toEqual({ previous: guides[3], next: undefined })
    expect(neighbours(guides, 'online')).toEqual({ previous: undefined, next: undefined })
    expect(neighbours(guides, 'gone')).toEqual({})
    expect(guidesAbout(guides, 'x').map((g) => g.slug)).toEqual(['online', 'debit'])
  })

  test("related questions keep the guide's order and skip a slug with no Q&A", () => {
    const qas = [{ slug: 'a' }, { slug: 'b' }, { slug: 'c' }]
    expect(relatedQas(qas, ['c', 'gone', 'a'])).toEqual([{ slug: 'c' }, { slug: 'a' }])
  })

  test('a category lists its questions in order, and an empty category is not listed', () => {
    const categories = [
      { slug: 'b', order: 2 },
      { slug: 'a', order: 1 },
      { slug: 'empty', order: 0 },
    ]
    const qas = [
      { slug: 'q2', category: 'a', order: 2 },
      { slug: 'q1', category: 'a', order: 1 },
      { slug: 'q3', category: 'b', order: 1 },
    ]
    expect(usedCategories(categories, qas).map((c) => c.slug)).toEqual(['a', 'b'])
    expect(qasIn(qas, { slug: 'a' }).map((q) => q.slug)).toEqual(['q1', 'q2'])
  })

  test('a campaign is live from its start until its end', () => {
    const campaign = { startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2027-03-31T23:59:59.000Z' }
    expect(liveCampaigns([campaign], new Date('2026-11-25T00:00:00Z'))).toEqual([campaign])
    expect(liveCampaigns([campaign], new Date('2026-10-31T23:59:59Z'))).toEqual([])
    expect(liveCampaigns([campaign], new Date('2027-03-31T23:59:59Z'))).toEqual([])
  })

  test('seeded demo campaigns are live for a year from the seeding, whatever their written dates, in the same order', () => {
    const written = [
      { slug: 'spring', startsAt: '2026-11-01T00:00:00.000Z', endsAt: '2027-03-31T23:59:59.000Z' },
      { slug: 'summer', startsAt: '2026-12-01T00:00:00.000Z', endsAt: '2027-06-30T23:59:59.000Z' },
    ]
    // Seeded long after the written dates ended.
    const seededAt = new Date('2031-08-15T12:00:00.000Z')
    const seeded = liveForAYearFrom(written, seededAt)
    expect(seeded.map((c) => [c.slug, c.startsAt, c.endsAt])).toEqual([
      ['spring', '2031-07-15T12:00:00.000Z', '2032-08-14T12:00:00.000Z'],
      ['summer', '2031-08-14T12:00:00.000Z', '2032-11-13T12:00:00.000Z'],
    ])
    const aYearLater = new Date('2032-08-14T11:59:59.000Z')
    for (const at of [seededAt, aYearLater])
      expect(
        seeded.every((c) => campaignPhase(c, at) === 'live'),
        at.toISOString(),
      ).toBe(true)
    expect(written[0]!.endsAt).toBe('2027-03-31T23:59:59.000Z')
  })

  test("dates and numbers are written the locale's way", () => {
    expect(formatDate('2027-03-31T23:59:59.000Z', 'en')).toBe('March 31, 2027')
    expect(formatDate('2027-03-31T23:59:59.000Z', 'ja')).toBe('2027年3月31日')
    expect(formatNumber(1234, 'en')).toBe('1,234')
    expect(formatNumber(1234, 'de')).toBe('1.234')
  })

  test("phrases fall back to the default locale's when a locale has none", () => {
    expect(localizeList({ ja: ['レシート'] }, 'en', { defaultLocale: 'ja' })).toEqual(['レシート'])
    expect(localizeList({ ja: ['レシート'], en: ['receipt'] }, 'en', { defaultLocale: 'ja' })).toEqual(['receipt'])
    expect(localizeList({}, 'en', { defaultLocale: 'ja' })).toEqual([])
  })
})

describe('the sections', () => {
  test('are home, then each enabled feature in the usual order', () => {
    expect(sections({ slug: 'hoshi', features: ['qas', 'bills', 'guides'] }, 'ja')).toEqual([
      { feature: 'home', href: '/hoshi/ja/' },
      { feature: 'guides', href: '/hoshi/ja/guides/' },
      { feature: 'qas', href: '/hoshi/ja/qas/' },
      { feature: 'bills', href: '/hoshi/ja/bills/' },
    ])
  })
})

describe('the sitemap', () => {
  const lumopay = contentSnapshot('lumopay')

  test('lists every page type of the tenant once per page', () => {
    const paths = pagePaths(lumopay).map((path) => path.join('/'))
    expect(paths).toContain('')
    expect(paths).toContain('qas/refunds/refund-time')
    expect(paths).toContain('qas/refunds')
    expect(paths).toContain('guides/pay-online')
    expect(paths).toContain('rewards')
    expect(new Set(paths).size).toBe(paths.length)
    expect(paths).toHaveLength(
      1 + 1 + lumopay.guides.length + 1 + usedCategories(lumopay.categories, lumopay.qas).length + lumopay.qas.length + 3,
    )
  })

  test('leaves out the pages of features the MPP does not enable', () => {
    const hoshi = contentSnapshot('hoshi')
    expect(pagePaths(hoshi).map((path) => path.join('/'))).not.toContain('rewards')
  })

  test('gives each page in each locale an absolute address and its hreflang alternates', () => {
    const xml = sitemapXml(lumopay, 'https://center.example')
    expect(xml).toContain('<loc>https://center.example/lumopay/zh-Hans/qas/refunds/refund-time/</loc>')
    expect(xml).toContain(
      '<xhtml:link rel="alternate" hreflang="zh-Hant" href="https://center.example/lumopay/zh-Hant/qas/refunds/refund-time/"/>',
    )
    expect(xml.match(/<url>/g)).toHaveLength(pagePaths(lumopay).length * lumopay.tenant.locales.length)
  })
})

describe('search', () => {
  test('a misspelled question finds the right Q&A first', () => {
    expect(search(contentSnapshot('lumopay'), 'en', 'how long dose a refnd take')[0]?.url).toBe('/lumopay/en/qas/refunds/refund-time/')
    expect(search(contentSnapshot('nakhla'), 'ar', 'متى يصلني المبلع المسترد')[0]?.url).toBe('/nakhla/ar/qas/refunds/refund-how-long/')
  })

  test('Chinese, Japanese and Korean queries find questions with no spaces between words', () => {
    expect(search(contentSnapshot('lumopay'), 'zh-Hans', '退款要多长时问')[0]?.url).toBe('/lumopay/zh-Hans/qas/refunds/refund-time/')
    expect(search(contentSnapshot('lumopay'), 'zh-Hant', '退款幾耐')[0]?.url).toBe('/lumopay/zh-Hant/qas/refunds/refund-time/')
    expect(search(contentSnapshot('hoshi'), 'ja', '領収書')[0]?.url).toBe('/hoshi/ja/qas/paying/receipt/')
  })

  test('Thai queries, written with no spaces between words and with a typo, find the right Q&A', () => {
    const chaba = contentSnapshot('chaba')
    expect(search(chaba, 'th', 'คืนเงินกี่วนั')[0]?.url).toBe('/chaba/th/qas/refunds/refund-time/')
    expect(search(chaba, 'th', 'โดนหักเงินสองครั้ง')[0]?.url).toBe('/chaba/th/qas/refunds/charged-twice/')
    expect(search(chaba, 'th', 'ไม่ให้หักเงินอัตโนมัติแล้ว')[0]?.url).toBe('/chaba/th/qas/auto-debit/cancel-auto-debit/')
    expect(search(chaba, 'en', 'when will i get my refnd')[0]?.url).toBe('/chaba/en/qas/refunds/refund-time/')
  })

  test('finds guides too, and an untranslated Q&A in the default language', () => {
    const lumopay = contentSnapshot('lumopay')
    expect(search(lumopay, 'en', 'pay in an onlin shop').map((doc) => doc.kind)).toContain('guide')
    const hoshi = contentSnapshot('hoshi')
    const japaneseOnly = <T>(text: Partial<Record<Locale, T>>) => ({ ja: text.ja! })
    const untranslated = hoshi.qas.map((qa) =>
      qa.slug === 'receipt'
        ? {
            ...qa,
            question: japaneseOnly(qa.question),
            answer: japaneseOnly(qa.answer),
            alternatives: japaneseOnly(qa.alternatives),
            keywords: japaneseOnly(qa.keywords),
          }
        : qa,
    )
    expect(search({ ...hoshi, qas: untranslated }, 'en', 'レシート')[0]?.url).toBe('/hoshi/en/qas/paying/receipt/')
  })

  test('indexes the words a reader sees: Markdown is dropped, and what would not render stays as text', () => {
    const docs = searchDocs(hostile, 'en')
    const answer = docs.find((doc) => doc.url.endsWith('/hostile-answer/'))!
    expect(answer.body).toBe(
      "Nothing runs: <script>alert('answer')</script> <img src=x onerror=alert('answer-img')> [bad](javascript:alert('answer-link')) ok",
    )
    expect(markdownText('Tap **Pay**, then [Terms](https://mpp.example/terms).\n\n- one\n- two')).toBe('Tap Pay, then Terms. one two')
  })

  test('lists only real matches, with the matched words marked, and nothing for a query that matches nothing', () => {
    const hits = search(contentSnapshot('lumopay'), 'en', 'refund currency')
    expect(hits[0]?.slug).toBe('refund-currency')
    expect(hits.length).toBeLessThanOrEqual(8)
    expect(
      hits[0]!.parts
        .filter((part) => part.hit)
        .map((part) => part.text.toLowerCase())
        .sort(),
    ).toEqual(['currency', 'refund'])
    expect(hits[0]!.parts.map((part) => part.text).join('')).toBe(hits[0]!.title)
    expect(search(contentSnapshot('lumopay'), 'en', 'chocolate cake recipe')).toEqual([])
  })
})

describe('bad content', () => {
  test('raw HTML, event handlers and script links in Markdown render as inert text', () => {
    const html = hostile.guides[0]!.steps.map((step) => renderMarkdown(step.body.en!)).join('')
    expect(html).not.toMatch(/<(script|img|iframe|a href="javascript)/i)
    expect(html).not.toMatch(/<[^>]+\son\w+=/i)
    expect(html).not.toContain('href="data:')
    expect(html).toContain("&lt;img src=x onerror=alert('img')&gt;")
  })

  test('empty optional fields and missing translations still give search documents', () => {
    const docs = searchDocs(hostile, 'ar')
    expect(docs.find((doc) => doc.url.endsWith('/untranslated/'))?.title).toBe('Only in English?')
    expect(docs.find((doc) => doc.url.endsWith('/long-words/'))?.phrasings).toEqual([])
  })
})

describe("the static server's not-found pages", () => {
  test("an unknown path under a tenant and locale gets that locale's 404 page, anything else none", () => {
    const dir = mkdtempSync(join(tmpdir(), 'center-404-'))
    mkdirSync(join(dir, 'lumopay', 'en', '404'), { recursive: true })
    writeFileSync(join(dir, 'lumopay', 'en', '404', 'index.html'), '<h1>Page not found</h1>')
    expect(notFoundPage(dir, '/lumopay/en/no/such/page/')).toBe(join(dir, 'lumopay', 'en', '404', 'index.html'))
    expect(notFoundPage(dir, '/lumopay/ja/no-such-page/')).toBeNull()
    expect(notFoundPage(dir, '/lumopay/')).toBeNull()
    expect(notFoundPage(dir, '/%2e%2e/en/x')).toBeNull()
    rmSync(dir, { recursive: true, force: true })
  })
})
