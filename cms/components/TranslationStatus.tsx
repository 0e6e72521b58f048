import type { UIFieldServerProps } from 'payload'

import { TranslationPanel } from './TranslationPanel'

/**
 * Sidebar panel: which of the tenant's locales lack a translation or lag behind the default
 * locale's text. The saved stamps are read here; the panel then follows the form as the editor types.
 */
export async function TranslationStatus({ payload, id, collectionSlug, data, field, req }: UIFieldServerProps) {
  const tenantValue = (data as { tenant?: unknown } | undefined)?.tenant
  if (!id || !tenantValue) return null
  const tenantId = typeof tenantValue === 'object' ? (tenantValue as { id: number | string }).id : (tenantValue as number | string)
  const read = { depth: 0, overrideAccess: false, user: req.user, req } as const
  const [tenant, doc] = await Promise.all([
    payload.findByID({ collection: 'tenants', id: tenantId, ...read }),
    payload.findByID({ collection: collectionSlug as 'guides', id, locale: 'all', draft: true, ...read }),
  ])
  const texts = (field.admin?.custom as { texts?: string[] } | undefined)?.texts ?? []
  return (
    <TranslationPanel
      locales={tenant.enabledLocales}
      defaultLocale={tenant.defaultLocale}
      translatedAt={(doc as { translatedAt?: Record<string, string | null> }).translatedAt ?? {}}
      texts={texts}
      href={`${payload.config.routes.admin}/collections/${collectionSlug}/${id}`}
    />
  )
}
