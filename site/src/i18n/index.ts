import { bidiText } from '../../../content/bidi'
import type { Locale } from '../../../content/schema'
import ar from './ar.json'
import en from './en.json'
import fil from './fil.json'
import { format } from './format'
import id from './id.json'
import ja from './ja.json'
import ko from './ko.json'
import ms from './ms.json'
import th from './th.json'
import vi from './vi.json'
import zhHans from './zh-Hans.json'
import zhHant from './zh-Hant.json'

export type UiKey = keyof typeof en
export type Dictionary = Partial<Record<UiKey, string>>

/** Every shipped locale's UI strings (tests/unit/i18n.spec.ts checks that each is complete and translated); a missing key falls back to English. */
export const dictionaries: Record<Locale, Dictionary> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant, ja, ko, th, vi, id, ms, fil, ar }

export { format }

/**
 * The translator for one locale: `t('bills.heading')`, `t('home.billsIntro', { mpp })`. In a
 * right-to-left locale, Latin runs of the string ("Alipay+") and the values filled in are isolated.
 */
export function translator(locale: Locale) {
  const dictionary: Dictionary = dictionaries[locale] ?? {}
  return (key: UiKey, values?: Record<string, string>) => format(bidiText(dictionary[key] ?? en[key], locale), values, locale)
}

/**
 * The strings an island needs, picked by key prefixes; `values` fills the placeholders known at
 * build time and leaves the others for the island. Islands so ship only their own strings.
 */
export function pick(locale: Locale, prefixes: string[], values?: Record<string, string>): Record<string, string> {
  const t = translator(locale)
  return Object.fromEntries(
    (Object.keys(en) as UiKey[]).filter((key) => prefixes.some((prefix) => key.startsWith(prefix))).map((key) => [key, t(key, values)]),
  )
}
