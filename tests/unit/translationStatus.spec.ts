import { describe, expect, test } from 'vitest'

import { checkBrandColour } from '../../cms/fields/brandColour'
import { editingTranslationStatus, localizedTextChanged, textSignature, translationStatus } from '../../cms/lib/translationStatus'

describe('translation freshness', () => {
  test('a locale is missing, outdated or current against the default locale', () => {
    const status = translationStatus({
      locales: ['en', 'ja', 'ko', 'zh-Hant'],
      defaultLocale: 'ja',
      translatedAt: { ja: '2026-11-20T10:00:00Z', en: '2026-11-21T10:00:00Z', ko: '2026-11-19T10:00:00Z' },
    })
    expect(status).toEqual([
      { locale: 'en', state: 'current' },
      { locale: 'ko', state: 'outdated' },
      { locale: 'zh-Hant', state: 'missing' },
    ])
  })

  test('only a change to localized text counts as a change', () => {
    const original = { title: 'Pay', order: 1 }
    expect(localizedTextChanged(['title'], { title: 'Pay', order: 2 }, original)).toBe(false)
    expect(localizedTextChanged(['title'], { title: 'Pay online' }, original)).toBe(true)
    expect(localizedTextChanged(['title'], { title: 'Pay' }, undefined)).toBe(true)
  })
})

describe('translation freshness while editing', () => {
  const saved = { ja: '2026-11-20T10:00:00Z', en: '2026-11-21T10:00:00Z', ko: '2026-11-19T10:00:00Z' }
  const now = new Date('2026-12-02T10:00:00Z')
  const locales = ['ja', 'en', 'ko']

  test('an unsaved change in the default locale makes every written translation outdated, and says it is unsaved', () => {
    expect(editingTranslationStatus({ locales, defaultLocale: 'ja', translatedAt: saved, editing: 'ja', changed: true, now })).toEqual([
      { locale: 'en', state: 'outdated', unsaved: true },
      { locale: 'ko', state: 'outdated', unsaved: true },
    ])
  })

  test('an unsaved change in an outdated translation brings it up to date; without a change nothing moves', () => {
    const typing = editingTranslationStatus({ locales, defaultLocale: 'ja', translatedAt: saved, editing: 'ko', changed: true, now })
    expect(typing).toContainEqual({ locale: 'ko', state: 'current', unsaved: true })
    const idle = editingTranslationStatus({ locales, defaultLocale: 'ja', translatedAt: saved, editing: 'ko', changed: false, now })
    expect(idle).toContainEqual({ locale: 'ko', state: 'outdated', unsaved: false })
  })

  test("the form's signature covers the translated fields and their rows, not other fields or row ids", () => {
    const form = { title: { value: 'Pay' }, 'steps.0.body': { value: 'Scan' }, 'steps.0.id': { value: 'a1' }, order: { value: 1 } }
    const before = textSignature(form, ['title', 'steps'])
    expect(textSignature({ ...form, order: { value: 2 }, 'steps.0.id': { value: 'b2' } }, ['title', 'steps'])).toBe(before)
    expect(textSignature({ ...form, 'steps.0.body': { value: 'Scan the code' } }, ['title', 'steps'])).not.toBe(before)
    expect(textSignature({ ...form, stepsExtra: { value: 'x' } }, ['title', 'steps'])).toBe(before)
  })
})

describe('brand contrast', () => {
  test('a pale brand colour is refused with the pair and the ratio; a dark one passes', () => {
    expect(checkBrandColour('Primary colour', '#0b5cad')).toBe(true)
    expect(checkBrandColour('Accent colour', '#ffd400')).toBe(
      'Accent colour #ffd400 with white text (#ffffff) has a contrast of 1.43:1; WCAG AA needs at least 4.5:1. Choose a darker colour.',
    )
    expect(checkBrandColour('Primary colour', 'blue')).toBe('Use a colour like #1a2b3c.')
  })
})

describe('draft preview', () => {
  const draft = {
    tenant: { name: 'Nakhla Pay', brand: { primaryColor: '#1d5c3a', accentColor: '#7a4b00' } },
    locale: 'ar',
    rtl: true,
    heading: 'كيف <b>أدفع</b>؟',
    sections: ['**اضغط** ادفع <script>alert(1)</script>'],
    status: 'draft',
  }

  test("renders the draft's page in the MPP's theme, escapes plain text and keeps rich text inert", async () => {
    const { renderPreviewPage } = await import('../../cms/lib/preview')
    const html = renderPreviewPage(draft)
    expect(html).toContain('<html lang="ar" dir="rtl">')
    expect(html).toContain('--brand:#1d5c3a')
    expect(html).toContain('--surface:#ffffff')
    expect(html).toContain('<header class="appbar">Nakhla Pay</header>')
    expect(html).toContain('<h1>كيف &#60;b&#62;أدفع&#60;/b&#62;؟</h1>')
    expect(html).toContain('<strong>اضغط</strong>')
    expect(html).not.toContain('<script>')
  })

  test('shows the page in a sandboxed phone-sized frame under a banner saying it is a draft, 390 px unless 320 is asked for', async () => {
    const { renderPreview } = await import('../../cms/lib/preview')
    const html = renderPreview(draft)
    expect(html).toContain('Preview (draft)')
    expect(html).toMatch(/<iframe class="phone" title="The page at 390 px" width="390" height="844" sandbox/)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<strong>اضغط')
    expect(renderPreview(draft, 320)).toMatch(/width="320" height="693"/)
    expect(html.split('\n').every((line) => line.length < 2000)).toBe(true)
  })
})
