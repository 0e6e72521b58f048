import type { Locale } from '../../../content/schema'
import ar from './ar.json'
import en from './en.json'
import fil from './fil.json'
import { format } from './format'
import ja from './ja.json'
import ko from './ko.json'
import zhHans from './zh-Hans.json'
import zhHant from './zh-Hant.json'

export type UiKey = keyof typeof en
export type Dictionary = Partial<Record<UiKey, string>>

/** Every locale's UI strings; a locale without a dictionary, or a missing key, falls back to English. */
export const dictionaries: Partial<Record<Locale, Dictionary>> = { en, ja, ko, ar, fil, 'zh-Hans': zhHans, 'zh-Hant': zhHant }

export { format }

/** The translator for one locale: `t('bills.heading')`, `t('home.billsIntro', { mpp })`. */
export function translator(locale: Locale) {
  const dictionary = dictionaries[locale] ?? {}
  return (key: UiKey, values?: Record<string, string>) => format(dictionary[key] ?? en[key], values)
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
