/** Fills {name} placeholders in a UI string. Kept apart from the dictionaries so islands can use it without shipping them. */
export function format(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}

/** The translator an island builds from the strings its page picked for it; an unknown key gives `fallback`, or the key. */
export const translate =
  (strings: Record<string, string>) =>
  (key: string, values?: Record<string, string>, fallback = key): string =>
    format(strings[key] ?? fallback, values)
