import { bidiText } from '../../../content/bidi'
import type { Locale } from '../../../content/schema'
import ar from './ar.json'
import en from './en.json'
import fil from './fil.json'
import { format, pluralKey } from './format'
import id from './id.json'
import ja from './ja.json'
import ko from './ko.json'
import ms from './ms.json'
import th from './th.json'
import vi from './vi.json'
import zhHans from './zh-Hans.json'
import zhHant from './zh-Hant.json'

export type UiKey = keyof typeof en
/**
 * A string with plural variants: its keys end in the plural category (`rewards.left.one`, `rewards.left.other`,
 * Arabic's `.few`…); English holds `.one` and `.other` of each (a code such as `bills.refund.reason.other` has no `.one`).
 */
export type PluralBase = { [K in UiKey]: K extends `${infer Base}.one` ? Base : never }[UiKey]
export type Dictionary = Partial<Record<UiKey, string>>

/** The plural categories whose variants a dictionary holds: exactly those the locale's plural rules produce (tests/unit/i18n.spec.ts). */
export const pluralCategories = (locale: string): Intl.LDMLPluralRule[] => new Intl.PluralRules(locale).resolvedOptions().pluralCategories

/** Every shipped locale's UI strings (tests/unit/i18n.spec.ts checks that each is complete and translated); a missing key falls back to English. */
export const dictionaries: Record<Locale, Dictionary> = { en, 'zh-Hans': zhHans, 'zh-Hant': zhHant, ja, ko, th, vi, id, ms, fil, ar }

export { format }

/**
 * The translator for one locale: `t('bills.heading')`, `t('home.billsIntro', { mpp })`. In a
 * right-to-left locale, Latin runs of the string ("Alipay+") and the values filled in are isolated.
 */
export function translator(locale: Locale) {
  const dictionary: Dictionary = dictionaries[locale] ?? {}
  const strings = dictionary as Record<string, string>
  const t = (key: UiKey, values?: Record<string, string>) => format(bidiText(strings[key] ?? en[key], locale), values, locale)
  /** A string for a count in the locale's plural form, {count} in the locale's digits: `t.count('rewards.validity', 30)`. */
  const count = (key: PluralBase, n: number, values: Record<string, string> = {}) =>
    t(pluralKey(strings, locale, key, n) as UiKey, { ...values, count: new Intl.NumberFormat(locale).format(n) })
  return Object.assign(t, { count })
}

/**
 * The strings an island needs, picked by key prefixes; `values` fills the placeholders known at
 * build time and leaves the others for the island. Islands so ship only their own strings.
 */
export function pick(locale: Locale, prefixes: string[], values?: Record<string, string>): Record<string, string> {
  const t = translator(locale)
  // The locale's own keys too: its plural variants differ from English's (Arabic's `.few`, none but `.other` in Japanese).
  const categories = pluralCategories(locale) as string[]
  const ownForm = (key: string) => {
    const [, base, category] = /^(.+)\.(zero|one|two|few|many|other)$/.exec(key) ?? []
    return !base || !(`${base}.one` in en) || categories.includes(category!)
  }
  const keys = [...new Set([...Object.keys(en), ...Object.keys(dictionaries[locale] ?? {})])] as UiKey[]
  return Object.fromEntries(
    keys.filter((key) => prefixes.some((prefix) => key.startsWith(prefix)) && ownForm(key)).map((key) => [key, t(key, values)]),
  )
}
