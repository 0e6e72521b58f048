import { describe, expect, test, vi } from 'vitest'

import { locales } from '../../content/schema'
import { aaTextRatio, brandStyle, contrastRatio, faviconUrl, readableOn, surfaces, textOn } from '../../content/theme'
import { MppError } from '../../mpp/contract/client'
import {
  agreementScopes,
  agreementStatuses,
  billStatuses,
  cancellationRefusals,
  cancelReasons,
  paymentMethods,
  refundReasons,
  type Agreement,
} from '../../mpp/contract/schema'
import { demoAgreements } from '../../mpp/sandbox/demoData'
import { dictionaries, format, pick, translator } from '../../site/src/i18n'
import en from '../../site/src/i18n/en.json'
import { translate } from '../../site/src/i18n/format'
import { authorizedNow, cancelledNow, newIdempotencyKey, optimistic, replaceAgreement } from '../../site/src/lib/agreements'
import {
  appendPage,
  formatRate,
  groupByDay,
  helpQueryKey,
  mailtoHref,
  readableRate,
  searchHref,
  statusesOf,
} from '../../site/src/lib/bills'
import { localize } from '../../site/src/lib/localize'
import { failureKey, failureKind } from '../../site/src/lib/mppErrors'
import { centerPath } from '../../site/src/lib/routes'
import { hashParam, hashWithoutToken, takeToken, tokenFromHash } from '../../site/src/lib/token'

describe('UI strings', () => {
  test('each locale speaks its own language', () => {
    expect(translator('th')('nav.bills')).not.toBe(translator('en')('nav.bills'))
    expect(translator('ja')('nav.bills')).toBe('明細')
  })

  test('every failure an MPP call can have has a message in every dictionary', () => {
    for (const kind of ['unauthorized', 'not-found', 'refused', 'timeout', 'unavailable', 'invalid-response'] as const) {
      expect(Object.keys(en)).toContain(failureKey(kind))
    }
  })

  test('every code the MPP API can send is worded in every dictionary, so no screen shows a code or English', () => {
    const keys = [
      ...billStatuses.map((code) => `bills.status.${code}`),
      ...refundReasons.map((code) => `bills.refund.reason.${code}`),
      ...paymentMethods.map((code) => `bills.method.${code}`),
      ...agreementStatuses.map((code) => `agreements.status.${code}`),
      ...agreementScopes.map((code) => `agreements.scope.${code}`),
      ...cancellationRefusals.map((code) => `agreements.refused.reason.${code}`),
      ...cancelReasons.map((code) => `agreements.survey.${code}`),
    ]
    const missing = locales.flatMap((locale) =>
      keys.filter((key) => !(dictionaries[locale] as Record<string, string>)[key]).map((key) => `${locale} ${key}`),
    )
    expect(missing).toEqual([])
  })

  test('an island gets only the strings under its prefixes, with build-time values filled', () => {
    const strings = pick('ja', ['agreements.', 'mpp.'], { mpp: 'Hoshi Wallet' })
    expect(Object.keys(strings).every((key) => key.startsWith('agreements.') || key.startsWith('mpp.'))).toBe(true)
    expect(strings['mpp.error.unauthorized']).toBe('セッションが終了しました。Hoshi Wallet アプリからもう一度開いてください。')
    expect(translate(strings)('agreements.done.cancelled', { merchant: 'Spotify' })).toBe('Spotify との契約を解約しました。')
    expect(translate(strings)('merchant.category.unknown', {}, 'unknown')).toBe('unknown')
  })

  test('placeholders are filled and unknown ones are left visible', () => {
    expect(format('Open {mpp} to see {what}', { mpp: 'LumoPay' })).toBe('Open LumoPay to see {what}')
  })
})

describe('localized content', () => {
  test("a missing translation falls back to the tenant's default locale and says so", () => {
    expect(localize({ ja: '返金' }, 'en', { defaultLocale: 'ja' })).toEqual({ text: '返金', fallback: true })
    expect(localize({ ja: '返金', en: 'Refunds' }, 'en', { defaultLocale: 'ja' })).toEqual({ text: 'Refunds', fallback: false })
  })
})

describe('site helpers', () => {
  test('Center paths always end with a slash', () => {
    expect(centerPath('lumopay', 'zh-Hans', 'guides', 'pay-online')).toBe('/lumopay/zh-Hans/guides/pay-online/')
  })

  test('the brand becomes CSS custom properties', () => {
    const style = brandStyle({ brand: { primaryColor: '#0b5cad', accentColor: '#0f7b6c', intro: {} } })
    expect(style).toContain(':root{--brand:#0b5cad;--on-brand:#ffffff;--accent:#0f7b6c;--brand-text:#0b5cad}')
    expect(style).toMatch(/@media \(prefers-color-scheme:dark\)\{:root\{--brand-text:#[0-9a-f]{6};/)
  })

  test('brand text is moved towards readable on both surfaces, and text on a pale brand turns dark', () => {
    for (const surface of Object.values(surfaces)) {
      for (const colour of ['#8a1c3b', '#0b5cad', '#1f6f43', '#ffd400'])
        expect(contrastRatio(readableOn(colour, surface), surface)).toBeGreaterThanOrEqual(aaTextRatio)
    }
    expect(textOn('#ffd400')).toBe('#111111')
    expect(textOn('#8a1c3b')).toBe('#ffffff')
  })

  test('the favicon is an SVG data URL in the brand colour with the MPP initial', () => {
    const url = faviconUrl({ name: 'Hoshi Wallet', brand: { primaryColor: '#8a1c3b', accentColor: '#5b3c88', intro: {} } })
    const svg = decodeURIComponent(url.replace('data:image/svg+xml,', ''))
    expect(svg).toContain('fill="#8a1c3b"')
    expect(svg).toMatch(/>H<\/text>/)
  })

  test('the token is read from the URL fragment', () => {
    expect(tokenFromHash('#token=abc.def.ghi')).toBe('abc.def.ghi')
    expect(tokenFromHash('#other=1')).toBeNull()
    expect(tokenFromHash('')).toBeNull()
  })

  test("the token moves from the address bar to this tab's storage for its tenant only", () => {
    const stored = new Map<string, string>()
    const addresses: string[] = []
    const location = { pathname: '/lumopay/en/bills/', search: '', hash: '#token=abc.def.ghi&bill=lumopay-u1-0003' }
    const win = {
      location,
      history: { state: null, replaceState: (_state: unknown, _title: string, url: string) => addresses.push(url) },
      sessionStorage: {
        setItem: (key: string, value: string) => stored.set(key, value),
        getItem: (key: string) => stored.get(key) ?? null,
      },
    } as unknown as Parameters<typeof takeToken>[0]
    expect(takeToken(win)).toBe('abc.def.ghi')
    expect(addresses).toEqual(['/lumopay/en/bills/#bill=lumopay-u1-0003'])
    expect([...stored]).toEqual([['center.token:lumopay', 'abc.def.ghi']])
    location.hash = ''
    expect(takeToken(win)).toBe('abc.def.ghi')
    location.pathname = '/hoshi/ja/bills/'
    expect(takeToken(win)).toBeNull()
  })

  test('taking the token out of the fragment keeps a deep link beside it', () => {
    expect(hashWithoutToken('#token=abc.def.ghi&bill=lumopay-u1-0003')).toBe('#bill=lumopay-u1-0003')
    expect(hashWithoutToken('#token=abc.def.ghi')).toBe('')
    expect(hashParam('#bill=lumopay-u1-0003', 'bill')).toBe('lumopay-u1-0003')
  })
})

describe('bills in the island', () => {
  const bill = (id: string, paidAt: string) => ({ id, paidAt })

  test('the refunded chip asks for partly and fully refunded bills, and all asks for everything', () => {
    expect(statusesOf('refunded')).toEqual(['partially_refunded', 'refunded'])
    expect(statusesOf('paid')).toEqual(['paid'])
    expect(statusesOf('all')).toEqual([])
  })

  test("bills are grouped by the day they were paid in the user's time zone", () => {
    const bills = [bill('a', '2026-11-20T09:30:00Z'), bill('b', '2026-11-20T01:00:00Z'), bill('c', '2026-11-19T20:00:00Z')]
    const tokyo = groupByDay(bills, 'en', 'Asia/Tokyo')
    expect(tokyo.map((day) => [day.day, day.bills.map((b) => b.id)])).toEqual([['2026-11-20', ['a', 'b', 'c']]])
    const utc = groupByDay(bills, 'en', 'UTC')
    expect(utc.map((day) => day.bills.length)).toEqual([2, 1])
    expect(utc[0]!.label).toBe('Friday, November 20, 2026')
    expect(groupByDay(bills, 'ja', 'UTC')[0]!.label).toBe('2026年11月20日金曜日')
  })

  test('a later page never shows a bill twice', () => {
    expect(appendPage([bill('a', ''), bill('b', '')], [bill('b', ''), bill('c', '')]).map((b) => b.id)).toEqual(['a', 'b', 'c'])
  })

  test("exchange rates are shown with six significant digits in the locale's format", () => {
    expect(formatRate(0.0520000001, 'en')).toBe('0.052')
    expect(formatRate(1234.56789, 'de')).toBe('1.234,57')
  })

  test('a rate reads in the direction that is at least 1, and a same-currency payment has none', () => {
    expect(readableRate({ from: 'IDR', to: 'KWD', rate: 0.0000189506 })).toEqual({ from: 'KWD', to: 'IDR', rate: 1 / 0.0000189506 })
    expect(readableRate({ from: 'HKD', to: 'JPY', rate: 19.2 })).toEqual({ from: 'HKD', to: 'JPY', rate: 19.2 })
    expect(readableRate({ from: 'JPY', to: 'JPY', rate: 1 })).toBeNull()
  })
})

describe('agreements in the island', () => {
  const [spotify, tepco] = demoAgreements('lumopay', 'u1').map((demo) => demo.agreement) as [Agreement, Agreement]
  const now = new Date('2026-11-25T10:00:00Z')

  function listHolder(initial: Agreement[]) {
    let list = initial
    const seen: Agreement[][] = []
    return {
      update: (change: (current: Agreement[]) => Agreement[]) => {
        list = change(list)
        seen.push(list)
      },
      get list() {
        return list
      },
      seen,
    }
  }

  test('a cancel or an authorization is a new state of the same agreement, the others untouched', () => {
    expect(cancelledNow(spotify, now)).toMatchObject({ id: spotify.id, status: 'cancelled', cancelledAt: '2026-11-25T10:00:00.000Z' })
    expect(authorizedNow(tepco, now)).toMatchObject({ status: 'active', authorizedAt: '2026-11-25T10:00:00.000Z' })
    expect(replaceAgreement([spotify, tepco], cancelledNow(tepco, now))).toEqual([spotify, cancelledNow(tepco, now)])
  })

  test("the list shows the change at once and keeps the MPP's answer", async () => {
    const holder = listHolder([spotify, tepco])
    const confirmed = { ...cancelledNow(spotify, now), cancelledAt: '2026-11-25T10:00:01.000Z' }
    await optimistic(holder.update, spotify, cancelledNow(spotify, now), async () => confirmed)
    expect(holder.seen[0]![0]!.status).toBe('cancelled')
    expect(holder.list[0]).toEqual(confirmed)
  })

  test('the list rolls back when the MPP refuses, and the refusal reaches the caller', async () => {
    const holder = listHolder([spotify, tepco])
    const refusal = new MppError('refused', 'Electricity contracts can only be ended with the supplier.', undefined, 'merchant_managed')
    await expect(optimistic(holder.update, tepco, cancelledNow(tepco, now), () => Promise.reject(refusal))).rejects.toBe(refusal)
    expect(holder.seen[0]![1]!.status).toBe('cancelled')
    expect(holder.list).toEqual([spotify, tepco])
  })

  test('idempotency keys are fresh 128-bit hex strings', () => {
    const key = newIdempotencyKey()
    expect(key).toMatch(/^[0-9a-f]{32}$/)
    expect(newIdempotencyKey()).not.toBe(key)
  })

  test('an MPP failure is told by its kind; anything else is a bug reported to the console', () => {
    expect(failureKind(new MppError('timeout', 'slow'))).toBe('timeout')
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(failureKind(new TypeError('x is undefined'))).toBe('unavailable')
    expect(report).toHaveBeenCalledOnce()
    report.mockRestore()
  })
})

describe('content Markdown', () => {
  test('renders paragraphs, emphasis, lists and links', async () => {
    const { renderMarkdown } = await import('../../content/markdown')
    expect(renderMarkdown('Tap **Pay**.\n\n- one\n- two\n\n[Terms](https://mpp.example/terms)')).toBe(
      '<p>Tap <strong>Pay</strong>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p><a href="https://mpp.example/terms">Terms</a></p>\n',
    )
  })

  test("an editor's <script> and javascript: link render inert", async () => {
    const { renderMarkdown } = await import('../../content/markdown')
    const html = renderMarkdown('<script>alert(1)</script> [click](javascript:alert(1))')
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toContain('href="javascript:')
  })
})

describe("a bill's Get help", () => {
  test('asks about the refund once a bill has one, else about the payment, in every locale', () => {
    expect(helpQueryKey('paid')).toBe('bills.help.query.paid')
    expect(['partially_refunded', 'refunded'].map((status) => helpQueryKey(status as 'refunded'))).toEqual([
      'bills.help.query.refunded',
      'bills.help.query.refunded',
    ])
    for (const locale of locales) expect(translator(locale)(helpQueryKey('paid') as 'bills.help.query.paid')).not.toBe(helpQueryKey('paid'))
  })

  test('opens the results page with the question and a mail with subject and body that every mail app reads', () => {
    expect(searchHref('/hoshi/ja/search/', '支払いに問題があります')).toBe(
      `/hoshi/ja/search/?q=${encodeURIComponent('支払いに問題があります')}`,
    )
    const href = mailtoHref('help@lumopay.example', 'Bill 1 (Café & Co)', 'Bill number: 1\nWhat happened:\n')
    expect(href).toBe(
      'mailto:help@lumopay.example?subject=Bill%201%20(Caf%C3%A9%20%26%20Co)&body=Bill%20number%3A%201%0AWhat%20happened%3A%0A',
    )
    const url = new URL(href)
    expect(url.searchParams.get('subject')).toBe('Bill 1 (Café & Co)')
  })
})
