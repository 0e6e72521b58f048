import { getTenantFromCookie } from '@payloadcms/plugin-multi-tenant/utilities'
import type { LocalizationConfig, PayloadRequest } from 'payload'

import { locales, rtlLocales } from '../content/schema'
import { isSuperAdmin } from './access/isSuperAdmin'
import { tenantsWithRole } from './access/tenantRoles'
import { adminLanguages, type AdminLanguage } from './i18n'
import type { Tenant } from './payload-types'

type LocaleEntry = { code: string; label: string | Record<string, string>; rtl?: boolean }

/** A content locale's name in each admin language, as Payload's locale menu shows it to the editor (日本語 in a Japanese admin). */
export function localeLabel(code: string): Record<AdminLanguage, string> {
  return Object.fromEntries(
    adminLanguages.map((language) => [language, new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code]),
  ) as Record<AdminLanguage, string>
}

/** What the locale menu adds to the MPP's default locale, in each admin language. */
export const defaultMark: Record<AdminLanguage, string> = {
  en: '(default)',
  ja: '（既定）',
  ar: '(الافتراضية)',
  ko: '(기본)',
  zh: '（默认）',
  'zh-TW': '（預設）',
  th: '(ค่าเริ่มต้น)',
  vi: '(mặc định)',
  id: '(bawaan)',
}

/** A locale's label with the default mark, in every language the label has. */
function markedDefault(label: LocaleEntry['label']): LocaleEntry['label'] {
  const join = (language: string, name: string) => {
    const mark = defaultMark[language as AdminLanguage] ?? defaultMark.en
    // The full-width marks carry their own spacing.
    return mark.startsWith('（') ? `${name}${mark}` : `${name} ${mark}`
  }
  if (typeof label === 'string') return join('en', label)
  return Object.fromEntries(Object.entries(label).map(([language, name]) => [language, join(language, name)]))
}
type Id = number | string

/**
 * The locales the admin offers for these tenants: only those one of them enables, in the config's
 * order. With one tenant its default locale comes first and says so, since every text needs it.
 */
export function offeredLocales<L extends LocaleEntry>(all: L[], tenants: Pick<Tenant, 'enabledLocales' | 'defaultLocale'>[]): L[] {
  if (!tenants.length) return all
  const enabled = new Set<string>(tenants.flatMap((tenant) => tenant.enabledLocales))
  const offered = all.filter((locale) => enabled.has(locale.code))
  if (tenants.length > 1) return offered
  const { defaultLocale } = tenants[0]!
  const main = offered.filter((locale) => locale.code === defaultLocale)
  return [
    ...main.map((locale) => ({ ...locale, label: markedDefault(locale.label) })),
    ...offered.filter((locale) => locale.code !== defaultLocale),
  ]
}

/**
 * The tenants whose locales the admin's locale menu offers the signed-in user: the tenant picked
 * in the tenant selector when it is theirs, else every tenant they work in. A super-admin with no
 * tenant picked, and calls with no user (seeding, scripts), get no filter.
 */
async function tenantsInView(req: PayloadRequest): Promise<Pick<Tenant, 'enabledLocales' | 'defaultLocale'>[]> {
  const { user, payload } = req
  if (!user) return []
  const picked = getTenantFromCookie(req.headers, payload.db.defaultIDType)
  let ids: Id[]
  if (isSuperAdmin(user)) ids = picked === null ? [] : [picked]
  else {
    const own = tenantsWithRole(user, 'editor')
    const mine = own.filter((id) => String(id) === String(picked))
    ids = mine.length ? mine : own
  }
  if (!ids.length) return []
  const { docs } = await payload.find({
    collection: 'tenants',
    where: { id: { in: ids } },
    select: { enabledLocales: true, defaultLocale: true },
    depth: 0,
    limit: 0,
    pagination: false,
    req,
  })
  return docs
}

/** Every shipped locale, named in the editor's admin language, right-to-left where the script is; the admin offers each MPP's own. */
export const localization: LocalizationConfig = {
  locales: locales.map((code) => ({ code, label: localeLabel(code), rtl: rtlLocales.includes(code) })),
  defaultLocale: 'en',
  fallback: true,
  filterAvailableLocales: async ({ req, locales: all }) => offeredLocales(all, await tenantsInView(req)),
}
