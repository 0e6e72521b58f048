import type { UIFieldServerProps } from 'payload'

import { translationStatus } from '../lib/translationStatus'

const labels = { current: 'up to date', outdated: 'older than the default locale', missing: 'missing' } as const

/** Sidebar panel: which of the tenant's locales lack a translation or lag behind the default locale's text. */
export async function TranslationStatus({ payload, id, collectionSlug, data }: UIFieldServerProps) {
  const tenantValue = (data as { tenant?: unknown } | undefined)?.tenant
  if (!id || !tenantValue) return null
  const tenantId = typeof tenantValue === 'object' ? (tenantValue as { id: number | string }).id : (tenantValue as number | string)
  const [tenant, doc] = await Promise.all([
    payload.findByID({ collection: 'tenants', id: tenantId, depth: 0 }),
    payload.findByID({ collection: collectionSlug as 'guides', id, locale: 'all', depth: 0, draft: true }),
  ])
  const status = translationStatus({
    locales: tenant.enabledLocales,
    defaultLocale: tenant.defaultLocale,
    translatedAt: (doc as { translatedAt?: Record<string, string | null> }).translatedAt ?? {},
  })
  return (
    <div className="field-type translation-status">
      <p className="field-label">Translations (against {tenant.defaultLocale})</p>
      <ul>
        {status.map(({ locale, state }) => (
          <li key={locale} data-state={state}>
            {locale}: {labels[state]}
          </li>
        ))}
      </ul>
    </div>
  )
}
