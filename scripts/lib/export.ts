import type { Payload } from 'payload'

import { parseSnapshot, type Snapshot } from '../../content/schema'
import { requireTenant } from '../../cms/lib/tenants'
import { richTextConverter } from './richText'

type Id = number | string
type PerLocale<T> = Record<string, T | null | undefined> | null | undefined

/** Keeps only the locales that have text: Payload gives null for a locale never written. */
function texts(value: PerLocale<string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [locale, text] of Object.entries(value ?? {})) if (typeof text === 'string' && text.trim()) out[locale] = text
  return out
}

/** Keeps only the locales that have phrases. */
function lists(value: PerLocale<string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [locale, items] of Object.entries(value ?? {})) if (Array.isArray(items) && items.length) out[locale] = items
  return out
}

type Rendition = { filename?: string | null; width?: number | null; height?: number | null }

/** An upload's narrower copies that exist, for srcset (Payload leaves a size empty when the original is smaller). */
function renditions(sizes: Record<string, Rendition | undefined> | null | undefined) {
  return Object.values(sizes ?? {}).flatMap((size) => (size?.filename && size.width && size.height ? [{ file: size.filename, width: size.width, height: size.height }] : []))
}

const idOf = (value: Id | { id: Id }): Id => (typeof value === 'object' ? value.id : value)

/** The tenant's published content in every locale, as a validated snapshot. */
export async function exportSnapshot(payload: Payload, slug: string): Promise<Snapshot> {
  const tenant = await requireTenant(payload, slug, { locale: 'all' })

  const { toMarkdown } = await richTextConverter(payload)
  /** Rich text in every locale as Markdown. */
  const markdown = (value: unknown): Record<string, string> => {
    const out: Record<string, string> = {}
    for (const [locale, data] of Object.entries((value ?? {}) as Record<string, unknown>)) {
      const text = data ? toMarkdown(data) : ''
      if (text) out[locale] = text
    }
    return out
  }

  const ofTenant = { tenant: { equals: tenant.id } }
  const published = { and: [ofTenant, { _status: { equals: 'published' } }] }
  const common = { locale: 'all' as const, depth: 0, limit: 0, pagination: false, sort: 'order', draft: false }
  const [categories, guides, qas, campaigns, popularity] = await Promise.all([
    payload.find({ collection: 'qa-categories', where: ofTenant, ...common }),
    payload.find({ collection: 'guides', where: published, ...common }),
    payload.find({ collection: 'qas', where: published, ...common }),
    payload.find({ collection: 'campaigns', where: published, ...common, sort: 'startsAt' }),
    payload.find({ collection: 'popularity', where: ofTenant, depth: 0, limit: 0, pagination: false }),
  ])
  const imageIds = [tenant.brand.logo, ...guides.docs.flatMap((g) => (g.steps ?? []).map((step) => step.image))].filter((id) => id != null).map(idOf)
  const media = imageIds.length
    ? (await payload.find({ collection: 'media', where: { and: [ofTenant, { id: { in: imageIds } }] }, locale: 'all', depth: 0, limit: 0, pagination: false, sort: 'filename' })).docs
    : []
  const mediaFiles = new Map<Id, string>(media.flatMap((m) => (m.filename ? [[m.id, m.filename] as const] : [])))
  const fileOf = (image: Id | { id: Id } | null | undefined) => (image == null ? undefined : mediaFiles.get(idOf(image)))
  const popularityOf = new Map<string, number>(popularity.docs.map((row) => [String(idOf(row.qa)), row.score]))
  const categorySlugs = new Map<Id, string>(categories.docs.map((c) => [c.id, c.slug]))
  const liveQas = qas.docs.filter((qa) => categorySlugs.has(idOf(qa.category)))
  const qaSlugs = new Map<Id, string>(liveQas.map((qa) => [qa.id, qa.slug]))
  // Localized fields come back as { locale: value } maps when reading with locale 'all'.
  const all = <T>(value: unknown) => value as PerLocale<T>

  return parseSnapshot(
    {
      version: 1,
      tenant: {
        slug: tenant.slug,
        name: tenant.name,
        locales: tenant.enabledLocales,
        defaultLocale: tenant.defaultLocale,
        features: tenant.features ?? [],
        brand: { primaryColor: tenant.brand.primaryColor, accentColor: tenant.brand.accentColor, intro: texts(all(tenant.brand.intro)), logo: fileOf(tenant.brand.logo) },
        mppApiBaseUrl: tenant.mppApiBaseUrl,
        supportEmail: tenant.supportEmail,
      },
      categories: categories.docs.map((c) => ({ slug: c.slug, order: c.order, name: texts(all(c.name)) })),
      guides: guides.docs.map((g) => ({
        slug: g.slug,
        product: g.product,
        order: g.order,
        title: texts(all(g.title)),
        summary: texts(all(g.summary)),
        steps: (g.steps ?? []).map((step) => ({ body: markdown(step.body), image: fileOf(step.image) })),
        related: (g.related ?? []).map((qa) => qaSlugs.get(idOf(qa))).filter((s): s is string => Boolean(s)),
      })),
      qas: liveQas.map((qa) => ({
        slug: qa.slug,
        category: categorySlugs.get(idOf(qa.category)),
        order: qa.order,
        pinned: qa.pinned ?? false,
        popularity: popularityOf.get(String(qa.id)) ?? 0,
        question: texts(all(qa.question)),
        answer: markdown(qa.answer),
        alternatives: lists(all(qa.alternatives)),
        keywords: lists(all(qa.keywords)),
      })),
      campaigns: campaigns.docs.map((c) => ({
        slug: c.slug,
        title: texts(all(c.title)),
        tutorial: { ...(c.tutorial?.videoUrl ? { videoUrl: c.tutorial.videoUrl } : {}), steps: (c.tutorial?.steps ?? []).map((step) => ({ body: markdown(step.body) })) },
        voucher: { merchant: c.voucher.merchant, amount: { currency: c.voucher.currency, value: c.voucher.value }, validityDays: c.voucher.validityDays },
        budget: c.budget,
        startsAt: new Date(c.startsAt).toISOString(),
        endsAt: new Date(c.endsAt).toISOString(),
      })),
      media: media.flatMap((m) =>
        m.filename && m.width && m.height
          ? [{ file: m.filename, alt: texts(all(m.alt)), width: m.width, height: m.height, sizes: renditions(m.sizes) }]
          : [],
      ),
    },
    `the export of tenant "${slug}"`,
  )
}

/** Every tenant's slug, name and locales. */
export async function listTenants(payload: Payload) {
  const { docs } = await payload.find({ collection: 'tenants', limit: 0, pagination: false, depth: 0, sort: 'slug' })
  return docs.map((t) => ({ slug: t.slug, name: t.name, locales: t.enabledLocales, defaultLocale: t.defaultLocale }))
}
