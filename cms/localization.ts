import type { LocalizationConfig } from 'payload'

import { locales, rtlLocales } from '../content/schema'

const names = new Intl.DisplayNames(['en'], { type: 'language' })

/** Every shipped locale, labelled in English, right-to-left where the script is. */
export const localization: LocalizationConfig = {
  locales: locales.map((code) => ({ code, label: names.of(code) ?? code, rtl: rtlLocales.includes(code) })),
  defaultLocale: 'en',
  fallback: true,
}
