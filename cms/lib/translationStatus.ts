export type TranslationState = 'current' | 'outdated' | 'missing'
export type LocaleStatus = { locale: string; state: TranslationState }

/**
 * Each enabled locale's translation state against the default locale's text: missing when never
 * written, outdated when written before the default locale's last change, current otherwise.
 */
export function translationStatus(args: {
  locales: string[]
  defaultLocale: string
  translatedAt: Record<string, string | null | undefined>
}): LocaleStatus[] {
  const base = args.translatedAt[args.defaultLocale]
  return args.locales
    .filter((locale) => locale !== args.defaultLocale)
    .map((locale) => {
      const at = args.translatedAt[locale]
      if (!at) return { locale, state: 'missing' }
      return { locale, state: base && new Date(at) < new Date(base) ? 'outdated' : 'current' }
    })
}

/** Whether any of the named localized fields differs between the saved document and the incoming data. */
export function localizedTextChanged(
  fields: string[],
  data: Record<string, unknown>,
  original: Record<string, unknown> | undefined,
): boolean {
  if (!original) return true
  return fields.some((field) => field in data && JSON.stringify(data[field] ?? null) !== JSON.stringify(original[field] ?? null))
}
