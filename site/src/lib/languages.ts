import { rtlLocales, type Locale } from '../../../content/vocabulary'

/** The text direction of a locale. */
export const direction = (locale: Locale): 'rtl' | 'ltr' => (rtlLocales.includes(locale) ? 'rtl' : 'ltr')

/** A language's name in that language itself ("日本語"), or in another locale's words. */
export const languageName = (locale: Locale, inLocale: Locale = locale): string =>
  new Intl.DisplayNames([inLocale], { type: 'language' }).of(locale) ?? locale
