import type { Payload } from 'payload'

import { parseSnapshot, type Snapshot } from '../../content/schema'

/** Keeps only the locales that have text: Payload gives null for a locale never written. */
function texts(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [locale, text] of Object.entries((value ?? {}) as Record<string, unknown>)) {
    if (typeof text === 'string' && text.trim()) out[locale] = text
  }
  return out
}

/** The tenant's published content in every locale, as a validated snapshot. */
export async function exportSnapshot(payload: Payload, slug: string): Promise<Snapshot> {
  const { docs: tenants } = await payload.find({ collection: 'tenants', where: { slug: { equals: slug } }, locale: 'all', limit: 1, depth: 0 })
  const tenant = tenants[0]
  if (!tenant) throw new Error(`Unknown tenant "${slug}"`)

  const ofTenant = { tenant: { equals: tenant.id } }
  const published = { and: [ofTenant, { _status: { equals: 'published' } }] }
  const common = { locale: 'all' as const, depth: 0, limit: 0, pagination: false, sort: 'order', draft: false }
  const [categories, guides, qas] = await Promise.all([
    payload.find({ collection: 'qa-categories', where: ofTenant, ...common }),
    payload.find({ collection: 'guides', where: published, ...common }),
    payload.find({ collection: 'qas', where: published, ...common }),
  ])
  const categorySlugs = new Map<number | string, string>(categories.docs.map((c) => [c.id, c.slug]))

  return parseSnapshot(
    {
      version: 1,
      tenant: {
        slug: tenant.slug,
        name: tenant.name,
        locales: tenant.enabledLocales,
        defaultLocale: tenant.defaultLocale,
        features: tenant.features ?? [],
        brand: { primaryColor: tenant.brand.primaryColor, accentColor: tenant.brand.accentColor, intro: texts(tenant.brand.intro) },
        mppApiBaseUrl: tenant.mppApiBaseUrl,
        supportEmail: tenant.supportEmail,
      },
      categories: categories.docs.map((c) => ({ slug: c.slug, order: c.order, name: texts(c.name) })),
      guides: guides.docs.map((g) => ({
        slug: g.slug,
        product: g.product,
        order: g.order,
        title: texts(g.title),
        summary: texts(g.summary),
        steps: (g.steps ?? []).map((step) => ({ body: texts(step.body) })),
      })),
      qas: qas.docs
        .filter((qa) => categorySlugs.has(qa.category as number | string))
        .map((qa) => ({ slug: qa.slug, category: categorySlugs.get(qa.category as number | string), order: qa.order, question: texts(qa.question), answer: texts(qa.answer) })),
    },
    `the export of tenant "${slug}"`,
  )
}

/** Every tenant's slug, name and locales. */
export async function listTenants(payload: Payload) {
  const { docs } = await payload.find({ collection: 'tenants', limit: 0, pagination: false, depth: 0, sort: 'slug' })
  return docs.map((t) => ({ slug: t.slug, name: t.name, locales: t.enabledLocales, defaultLocale: t.defaultLocale }))
}
