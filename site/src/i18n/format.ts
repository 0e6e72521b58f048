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
