import { bidiText } from '../../../content/bidi'
import type { Locale, LocalizedText, Tenant } from '../../../content/schema'

export type Localized = { text: string; fallback: boolean }

/** A text in the page's locale, or in the tenant's default locale (marked as fallback) when it has no translation. */
export function localize(text: LocalizedText, locale: Locale, tenant: Pick<Tenant, 'defaultLocale'>): Localized {
  const own = text[locale]
  if (own) return { text: own, fallback: false }
  return { text: text[tenant.defaultLocale] ?? '', fallback: true }
}

/** A title, question or name in the page's locale (as `localize`), with Latin runs isolated in right-to-left pages ("Alipay+" keeps its plus). */
export function localizeTitle(text: LocalizedText, locale: Locale, tenant: Pick<Tenant, 'defaultLocale'>): Localized {
  const localized = localize(text, locale, tenant)
  return { ...localized, text: bidiText(localized.text, locale) }
}
