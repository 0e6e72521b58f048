import { describe, expect, test } from 'vitest'

import { dictionaries, format, translator } from '../../site/src/i18n'
import en from '../../site/src/i18n/en.json'
import { localize } from '../../site/src/lib/localize'
import { centerPath } from '../../site/src/lib/routes'
import { brandStyle } from '../../site/src/lib/theme'
import { tokenFromHash } from '../../site/src/lib/token'

describe('UI strings', () => {
  test('every shipped dictionary has every key of the English one, and no other', () => {
    for (const [locale, dictionary] of Object.entries(dictionaries)) {
      expect(Object.keys(dictionary!).sort(), locale).toEqual(Object.keys(en).sort())
    }
  })

  test('a locale without a dictionary falls back to English', () => {
    expect(translator('ko')('nav.bills')).toBe('Bills')
    expect(translator('ja')('nav.bills')).toBe('明細')
  })

  test('placeholders are filled and unknown ones are left visible', () => {
    expect(format('Open {mpp} to see {what}', { mpp: 'LumoPay' })).toBe('Open LumoPay to see {what}')
  })
})

describe('localized content', () => {
  test('a missing translation falls back to the tenant\'s default locale and says so', () => {
    expect(localize({ ja: '返金' }, 'en', { defaultLocale: 'ja' })).toEqual({ text: '返金', fallback: true })
    expect(localize({ ja: '返金', en: 'Refunds' }, 'en', { defaultLocale: 'ja' })).toEqual({ text: 'Refunds', fallback: false })
  })
})

describe('site helpers', () => {
  test('Center paths always end with a slash', () => {
    expect(centerPath('lumopay', 'zh-Hans', 'guides', 'pay-online')).toBe('/lumopay/zh-Hans/guides/pay-online/')
  })

  test('the brand becomes CSS custom properties', () => {
    expect(brandStyle({ brand: { primaryColor: '#0b5cad', accentColor: '#0f7b6c', intro: {} } })).toBe(':root{--brand:#0b5cad;--accent:#0f7b6c}')
  })

  test('the token is read from the URL fragment', () => {
    expect(tokenFromHash('#token=abc.def.ghi')).toBe('abc.def.ghi')
    expect(tokenFromHash('#other=1')).toBeNull()
    expect(tokenFromHash('')).toBeNull()
  })
})

describe('content Markdown', () => {
  test('renders paragraphs, emphasis, lists and links', async () => {
    const { renderMarkdown } = await import('../../site/src/lib/markdown')
    expect(renderMarkdown('Tap **Pay**.\n\n- one\n- two\n\n[Terms](https://mpp.example/terms)')).toBe(
      '<p>Tap <strong>Pay</strong>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p><a href="https://mpp.example/terms">Terms</a></p>\n',
    )
  })

  test('an editor\'s <script> and javascript: link render inert', async () => {
    const { renderMarkdown } = await import('../../site/src/lib/markdown')
    const html = renderMarkdown('<script>alert(1)</script> [click](javascript:alert(1))')
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toContain('href="javascript:')
  })
})
