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

/** The form's values of the named fields and of everything inside them (array rows, groups), as one comparable string. */
export function textSignature(fields: Record<string, { value?: unknown } | undefined>, texts: string[]): string {
  const inside = (path: string) => texts.some((text) => path === text || path.startsWith(`${text}.`))
  const entries = Object.entries(fields)
    .filter(([path]) => inside(path) && !path.endsWith('.id'))
    .map(([path, state]) => [path, state?.value ?? null] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify(entries)
}

/**
 * The translation states while an editor edits one locale: an unsaved change in that locale counts as
 * written now (so it becomes current, or, in the default locale, makes every other locale outdated).
 */
export function editingTranslationStatus(args: {
  locales: string[]
  defaultLocale: string
  translatedAt: Record<string, string | null | undefined>
  editing: string
  changed: boolean
  now?: Date
}): (LocaleStatus & { unsaved: boolean })[] {
  const now = (args.now ?? new Date()).toISOString()
  const translatedAt = args.changed ? { ...args.translatedAt, [args.editing]: now } : args.translatedAt
  return translationStatus({ ...args, translatedAt }).map((status) => ({
    ...status,
    unsaved: args.changed && (args.editing === args.defaultLocale ? status.state !== 'missing' : status.locale === args.editing),
  }))
}
