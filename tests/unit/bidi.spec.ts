import { describe, expect, test } from 'vitest'

import { FSI, isolateLatin, LRI, PDI } from '../../content/bidi'
import { renderMarkdown } from '../../content/markdown'
import { translator } from '../../site/src/i18n'
import { translate } from '../../site/src/i18n/format'

const ltr = (run: string) => `${LRI}${run}${PDI}`

describe('right-to-left text', () => {
  test('Latin runs keep their order inside Arabic: "Alipay+" keeps its plus, names and Latin amounts stay whole', () => {
    expect(isolateLatin('ادفع عبر Alipay+: بسهولة')).toBe(`ادفع عبر ${ltr('Alipay+')}: بسهولة`)
    expect(isolateLatin('قسيمة 2.000 KWD لدى Desert Bloom Café.')).toBe(`قسيمة ${ltr('2.000 KWD')} لدى ${ltr('Desert Bloom Café')}.`)
  })

  test('Arabic-only numbers and {placeholders} are left as they are', () => {
    expect(isolateLatin('صالحة 30 يومًا لدى {merchant}')).toBe('صالحة 30 يومًا لدى {merchant}')
  })

  test('an Arabic UI string isolates its Latin words and every value filled in; other locales are unchanged', () => {
    const ar = translator('ar')('rewards.voucher', { amount: '‏1.500 د.ك.‏', merchant: 'Sampaguita Mart' })
    expect(ar).toContain(`${FSI}Sampaguita Mart${PDI}`)
    expect(ar).toContain(`${FSI}‏1.500 د.ك.‏${PDI}`)
    expect(translator('en')('rewards.voucher', { amount: 'KWD 1.500', merchant: 'Sampaguita Mart' })).toBe(
      'KWD 1.500 voucher at Sampaguita Mart',
    )
    expect(translate({ 'rewards.yours': 'تم: القسيمة {code}' }, 'ar')('rewards.yours', { code: 'NKHL-7Q2M' })).toBe(
      `تم: القسيمة ${FSI}NKHL-7Q2M${PDI}`,
    )
  })

  test('Markdown in an Arabic page isolates Latin runs in its text, not in its markup; other pages are unchanged', () => {
    const source = 'ادفع في **Sakura Drug** عبر [Alipay+](https://alipayplus.example/).'
    const html = renderMarkdown(source, 'ar')
    expect(html).toContain(`<strong>${ltr('Sakura Drug')}</strong>`)
    expect(html).toContain(`<a href="https://alipayplus.example/">${ltr('Alipay+')}</a>`)
    expect(renderMarkdown(source, 'ja')).toBe(renderMarkdown(source))
    expect(renderMarkdown(source)).not.toContain(LRI)
  })
})
