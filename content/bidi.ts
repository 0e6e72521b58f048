/**
 * Bidirectional text: inside right-to-left text, a Latin name with a neutral character at its end
 * ("Alipay+", "Sakura Drug.") or numbers next to Latin letters ("2.000 KWD") are laid out by the
 * Unicode bidi algorithm in the paragraph's direction, which moves the "+" in front ("+Alipay") and
 * reverses "1 KWD = 52 IDR". Isolating each such run as left-to-right (LRI … PDI, the plain-text
 * twin of `<bdi dir="ltr">`) keeps it as written, wherever the text goes: HTML, titles, attributes.
 */
import { rtlLocales } from './vocabulary'

/** U+2066 LEFT-TO-RIGHT ISOLATE, U+2068 FIRST STRONG ISOLATE, U+2069 POP DIRECTIONAL ISOLATE. */
export const LRI = '\u2066'
export const FSI = '\u2068'
export const PDI = '\u2069'

/** Whether a locale is written right to left. */
export const isRtl = (locale: string): boolean => (rtlLocales as readonly string[]).includes(locale)

// A word of Latin letters and digits, with inner apostrophes, dots, ampersands or hyphens and an optional
// final "+"; a run is such words joined by spaces. A "{placeholder}" is matched first so it stays as it is.
const word = String.raw`[\p{Script=Latin}\p{Nd}]+(?:['’&.\-][\p{Script=Latin}\p{Nd}]+)*\+?`
const runs = new RegExp(String.raw`\{\w+\}|${word}(?:[ \u00a0]+${word})*`, 'gu')
const latinLetter = /\p{Script=Latin}/u

/** A text with every run of Latin words (with the numbers among them) isolated left to right; placeholders and Arabic-only numbers stay as they are. */
export function isolateLatin(text: string): string {
  return text.replace(runs, (run) => (run.startsWith('{') || !latinLetter.test(run) ? run : `${LRI}${run}${PDI}`))
}

/** A text as a page in `locale` should hold it: Latin runs isolated in right-to-left locales, unchanged elsewhere. */
export const bidiText = (text: string, locale: string): string => (isRtl(locale) ? isolateLatin(text) : text)

/** A value put into a right-to-left sentence (an amount, a code, a name), isolated so it keeps its own direction. */
export const isolateValue = (value: string, locale: string): string => (isRtl(locale) && value ? `${FSI}${value}${PDI}` : value)
