import { ValidationError, type FieldHook, type PayloadRequest } from 'payload'

import { adminLanguageOf, adminMessage, wordIn } from '../i18n/validationMessages'
import { localeLabel } from '../localization'

type Id = number | string
type Doc = { _status?: string | null; tenant?: Id | { id: Id } | null } | undefined

/** Whether a stored value holds text: a non-blank string, or rich text with a non-blank text node. */
export function hasText(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().length > 0
  if (Array.isArray(value)) return value.some(hasText)
  if (value && typeof value === 'object') {
    const node = value as { text?: unknown; root?: unknown; children?: unknown }
    return hasText(node.text) || hasText(node.root) || hasText(node.children)
  }
  return false
}

/** Whether this save makes the document what the site shows: a publish, or any save of a collection without drafts. */
function publishes(data: Doc, originalDoc: Doc, hasDrafts: boolean): boolean {
  if (!hasDrafts) return true
  return (data?._status ?? originalDoc?._status) === 'published'
}

/** The tenant's default locale and name, read once per request (a save checks several fields). */
async function tenantDefaults(req: PayloadRequest, tenant: Id): Promise<{ defaultLocale: string; name: string }> {
  const cache = ((req.context.tenantDefaults as Map<Id, Promise<{ defaultLocale: string; name: string }>> | undefined) ??= new Map())
  let found = cache.get(tenant)
  if (!found) {
    found = req.payload
      .findByID({ collection: 'tenants', id: tenant, depth: 0, req, select: { defaultLocale: true, name: true } })
      .then((t) => ({ defaultLocale: t.defaultLocale, name: t.name }))
    cache.set(tenant, found)
  }
  return found
}

/**
 * A required localized field's check that the MPP's default locale has text whenever the document
 * goes live, so one document cannot make every build of the MPP's site invalid. Drafts may stay
 * incomplete. The value checked is the one Payload is about to store: this save's text when it is
 * in the default locale, the stored text of that locale otherwise. Seeding writes snapshots that
 * parseSnapshot has already checked, default locale first, and is not checked again.
 */
export const requireDefaultLocale: FieldHook = async ({
  collection,
  data,
  field,
  originalDoc,
  path,
  req,
  siblingData,
  siblingDocWithLocales,
  value,
}) => {
  const fieldName = (field as { name?: string }).name
  if (req.context.seeding || !collection || !fieldName) return value
  const rawTenant = (data as Doc)?.tenant ?? (originalDoc as Doc)?.tenant
  const tenant = rawTenant && typeof rawTenant === 'object' ? rawTenant.id : rawTenant
  if (tenant == null || !publishes(data as Doc, originalDoc as Doc, Boolean(collection.versions?.drafts))) return value
  const { defaultLocale, name } = await tenantDefaults(req, tenant)
  const { localization } = req.payload.config
  const locale = req.locale ?? (localization ? localization.defaultLocale : undefined)
  const incoming = (siblingData as Record<string, unknown>)[fieldName]
  const stored = (siblingDocWithLocales?.[fieldName] as Record<string, unknown> | undefined)?.[defaultLocale]
  const published = locale === defaultLocale && incoming !== undefined ? incoming : stored
  if (hasText(published)) return value
  // The editor reads the message, the field's label and the locale's name in their admin language.
  const language = adminLanguageOf(req)
  throw new ValidationError(
    {
      collection: collection.slug,
      errors: [
        {
          path: path.join('.'),
          label: wordIn((field as { label?: unknown }).label, language) ?? fieldName,
          message: adminMessage(language, 'defaultLocaleRequired', {
            mpp: name,
            locale: defaultLocale,
            language: localeLabel(defaultLocale)[language],
          }),
        },
      ],
      req,
    },
    req.t,
  )
}
