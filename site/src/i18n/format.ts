import { bidiText, isolateValue } from '../../../content/bidi'

/**
 * Fills {name} placeholders in a UI string. Kept apart from the dictionaries so islands can use it
 * without shipping them. In a right-to-left locale each value is isolated (FSI … PDI), so an amount,
 * a code or a Latin name keeps its own direction inside the sentence.
 */
export function format(template: string, values: Record<string, string> = {}, locale = ''): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name]
    return value === undefined ? whole : isolateValue(value, locale)
  })
}

/** The translator an island builds from the strings its page picked for it (already bidi-safe); an unknown key gives `fallback`, or the key. */
export const translate =
  (strings: Record<string, string>, locale = '') =>
  (key: string, values?: Record<string, string>, fallback = key): string =>
    format(strings[key] ?? bidiText(fallback, locale), values, locale)

/**
 * The dictionary key for a count: `${key}.${category}` by the locale's plural rules ("1 voucher
 * left", "5 vouchers left"; Arabic has zero, one, two, few, many and other), else `${key}.other`.
 */
export function pluralKey(strings: Record<string, string>, locale: string, key: string, count: number): string {
  const exact = `${key}.${new Intl.PluralRules(locale || 'en').select(count)}`
  return exact in strings ? exact : `${key}.other`
}

/** The count translator an island builds from its strings: `tc('rewards.left', 5)` is "5 vouchers left", with {count} in the locale's digits. */
export const translateCount = (strings: Record<string, string>, locale = '') => {
  const t = translate(strings, locale)
  return (key: string, count: number, values: Record<string, string> = {}): string =>
    t(pluralKey(strings, locale, key, count), { ...values, count: new Intl.NumberFormat(locale || 'en').format(count) })
}

/**
 * The locale dates are written in. Thai dates use the Buddhist era (2569 for 2026), as Thai
 * wallets and banking apps show them (K PLUS, TrueMoney, PromptPay slips) and as ICU's own default
 * for th does; it is written out here so no runtime can fall back to Gregorian. Digits stay Western
 * (the th default), which is what those apps print too.
 */
export const dateLocale = (locale: string): string => (locale === 'th' ? 'th-TH-u-ca-buddhist' : locale || 'en')

/** A date or time from an ISO string, written the locale's way (calendar per `dateLocale`). */
export const formatDateTime = (iso: string, locale: string, options: Intl.DateTimeFormatOptions): string =>
  new Intl.DateTimeFormat(dateLocale(locale), options).format(new Date(iso))
