import type { Payload } from 'payload'

import {
  documentProblems,
  documentSchemas,
  parseSnapshot,
  type DocumentList,
  type DocumentOf,
  type Locale,
  type Snapshot,
} from '../../content/schema'
import { richTextConverter } from '../lib/richText'
import { requireTenant } from '../lib/tenants'

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
  return Object.values(sizes ?? {}).flatMap((size) =>
    size?.filename && size.width && size.height ? [{ file: size.filename, width: size.width, height: size.height }] : [],
  )
}

const idOf = (value: Id | { id: Id }): Id => (typeof value === 'object' ? value.id : value)

/** The CMS collection each snapshot list comes from. */
const collectionOf: Record<DocumentList, string> = { categories: 'qa-categories', guides: 'guides', qas: 'qas', campaigns: 'campaigns' }

/** A published document the export left out, and why: the build log and the build's row name it. */
export type SkippedDocument = { collection: string; id: string; slug: string; problem: string }

/** One line naming a left-out document and what to fix. */
export const describeSkipped = (skipped: SkippedDocument) =>
  `Left out ${skipped.collection} ${skipped.id} ("${skipped.slug}"): ${skipped.problem}`

type Candidate<L extends DocumentList> = { id: Id; item: unknown; list: L }

/**
 * Splits a list's documents into those fit for the site and those left out, with each one's
 * problems, so one bad document cannot stop the tenant's whole site from building.
 */
function keepValid<L extends DocumentList>(
  candidates: Candidate<L>[],
  defaultLocale: Locale,
  skipped: SkippedDocument[],
): { id: Id; item: DocumentOf[L] }[] {
  const kept: { id: Id; item: DocumentOf[L] }[] = []
  for (const { id, item, list } of candidates) {
    const parsed = documentSchemas[list].safeParse(item)
    const problems = parsed.success
      ? documentProblems(list, parsed.data as DocumentOf[L], defaultLocale).map(({ path, message }) => `${path.join('.')}: ${message}`)
      : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`)
    const slug = String((item as { slug?: unknown }).slug ?? '')
    if (problems.length) skipped.push({ collection: collectionOf[list], id: String(id), slug, problem: problems.join('; ') })
    else kept.push({ id, item: item as DocumentOf[L] })
  }
  return kept
}

/** The tenant's published content in every locale, as a validated snapshot (documents unfit for the site left out). */
export async function exportSnapshot(payload: Payload, slug: string): Promise<Snapshot> {
  return (await exportTenant(payload, slug)).snapshot
}

/**
 * The tenant's published content in every locale, as a validated snapshot, and the published
 * documents left out of it because the site cannot show them (say, no text in the default locale).
 */
export async function exportTenant(payload: Payload, slug: string): Promise<{ snapshot: Snapshot; skipped: SkippedDocument[] }> {
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
  const [categories, guides, qas, campaigns, popularity, synonyms] = await Promise.all([
    payload.find({ collection: 'qa-categories', where: ofTenant, ...common }),
    payload.find({ collection: 'guides', where: published, ...common }),
    payload.find({ collection: 'qas', where: published, ...common }),
    payload.find({ collection: 'campaigns', where: published, ...common, sort: 'startsAt' }),
    payload.find({ collection: 'popularity', where: ofTenant, depth: 0, limit: 0, pagination: false }),
    payload.find({ collection: 'synonyms', where: published, depth: 0, limit: 0, pagination: false, sort: 'createdAt', draft: false }),
  ])
  const imageIds = [tenant.brand.logo, ...guides.docs.flatMap((g) => (g.steps ?? []).map((step) => step.image))]
    .filter((id) => id != null)
    .map(idOf)
  const media = imageIds.length
    ? (
        await payload.find({
          collection: 'media',
          where: { and: [ofTenant, { id: { in: imageIds } }] },
          locale: 'all',
          depth: 0,
          limit: 0,
          pagination: false,
          sort: 'filename',
        })
      ).docs
    : []
  const mediaFiles = new Map<Id, string>(media.flatMap((m) => (m.filename ? [[m.id, m.filename] as const] : [])))
  const fileOf = (image: Id | { id: Id } | null | undefined) => (image == null ? undefined : mediaFiles.get(idOf(image)))
  const popularityOf = new Map<string, number>(popularity.docs.map((row) => [String(idOf(row.qa)), row.score]))
  // Localized fields come back as { locale: value } maps when reading with locale 'all'.
  const all = <T>(value: unknown) => value as PerLocale<T>
  const defaultLocale = tenant.defaultLocale as Locale
  const skipped: SkippedDocument[] = []

  const keptCategories = keepValid(
    categories.docs.map((c) => ({
      id: c.id,
      list: 'categories' as const,
      item: { slug: c.slug, order: c.order, name: texts(all(c.name)) },
    })),
    defaultLocale,
    skipped,
  )
  const categorySlugs = new Map<Id, string>(keptCategories.map(({ id, item }) => [id, item.slug]))
  const leftOutCategories = new Set(skipped.filter((s) => s.collection === 'qa-categories').map((s) => s.id))
  // A Q&A of a category left out has no page to sit on: it is left out too, and named. One whose category was deleted has never been shown.
  for (const qa of qas.docs) {
    if (qa.category != null && leftOutCategories.has(String(idOf(qa.category)))) {
      skipped.push({
        collection: 'qas',
        id: String(qa.id),
        slug: qa.slug,
        problem: `its category (qa-categories ${idOf(qa.category)}) is left out`,
      })
    }
  }
  const keptQas = keepValid(
    qas.docs
      .filter((qa) => categorySlugs.has(idOf(qa.category)))
      .map((qa) => ({
        id: qa.id,
        list: 'qas' as const,
        item: {
          slug: qa.slug,
          category: categorySlugs.get(idOf(qa.category)),
          order: qa.order,
          pinned: qa.pinned ?? false,
          popularity: popularityOf.get(String(qa.id)) ?? 0,
          question: texts(all(qa.question)),
          answer: markdown(qa.answer),
          alternatives: lists(all(qa.alternatives)),
          keywords: lists(all(qa.keywords)),
        },
      })),
    defaultLocale,
    skipped,
  )
  const qaSlugs = new Map<Id, string>(keptQas.map(({ id, item }) => [id, item.slug]))
  const keptGuides = keepValid(
    guides.docs.map((g) => ({
      id: g.id,
      list: 'guides' as const,
      item: {
        slug: g.slug,
        product: g.product,
        order: g.order,
        title: texts(all(g.title)),
        summary: texts(all(g.summary)),
        steps: (g.steps ?? []).map((step) => ({ body: markdown(step.body), image: fileOf(step.image) })),
        related: (g.related ?? []).map((qa) => qaSlugs.get(idOf(qa))).filter((s): s is string => Boolean(s)),
      },
    })),
    defaultLocale,
    skipped,
  )
  const keptCampaigns = keepValid(
    campaigns.docs.map((c) => ({
      id: c.id,
      list: 'campaigns' as const,
      item: {
        slug: c.slug,
        title: texts(all(c.title)),
        tutorial: {
          animation: c.tutorial?.animation ?? false,
          ...(c.tutorial?.videoUrl ? { videoUrl: c.tutorial.videoUrl } : {}),
          steps: (c.tutorial?.steps ?? []).map((step) => ({ body: markdown(step.body) })),
        },
        voucher: {
          merchant: c.voucher.merchant,
          amount: { currency: c.voucher.currency, value: c.voucher.value },
          validityDays: c.voucher.validityDays,
        },
        budget: c.budget,
        startsAt: new Date(c.startsAt).toISOString(),
        endsAt: new Date(c.endsAt).toISOString(),
      },
    })),
    defaultLocale,
    skipped,
  )

  const snapshot = parseSnapshot(
    {
      version: 1,
      tenant: {
        slug: tenant.slug,
        name: tenant.name,
        locales: tenant.enabledLocales,
        defaultLocale: tenant.defaultLocale,
        features: tenant.features ?? [],
        brand: {
          primaryColor: tenant.brand.primaryColor,
          accentColor: tenant.brand.accentColor,
          intro: texts(all(tenant.brand.intro)),
          logo: fileOf(tenant.brand.logo),
        },
        mppApiBaseUrl: tenant.mppApiBaseUrl,
        supportEmail: tenant.supportEmail,
      },
      categories: keptCategories.map(({ item }) => item),
      guides: keptGuides.map(({ item }) => item),
      qas: keptQas.map(({ item }) => item),
      campaigns: keptCampaigns.map(({ item }) => item),
      // Only locales the site is built in are searched; a group saved before its locale was turned off waits.
      synonyms: synonyms.docs.flatMap((group) => {
        const phrases = (group.phrases ?? []).map((phrase) => phrase.trim()).filter(Boolean)
        return group.locale && tenant.enabledLocales.includes(group.locale) && phrases.length
          ? [{ locale: group.locale, ...(group.concept ? { concept: group.concept } : {}), phrases }]
          : []
      }),
      media: media.flatMap((m) =>
        m.filename && m.width && m.height
          ? [{ file: m.filename, alt: texts(all(m.alt)), width: m.width, height: m.height, sizes: renditions(m.sizes) }]
          : [],
      ),
    },
    `the export of tenant "${slug}"`,
  )
  return { snapshot, skipped }
}

/** Every tenant's slug, name and locales. */
export async function listTenants(payload: Payload) {
  const { docs } = await payload.find({ collection: 'tenants', limit: 0, pagination: false, depth: 0, sort: 'slug' })
  return docs.map((t) => ({ slug: t.slug, name: t.name, locales: t.enabledLocales, defaultLocale: t.defaultLocale }))
}
