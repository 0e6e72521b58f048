import { join } from 'node:path'
import type { Payload, Where } from 'payload'

import { liveForAYearFrom } from '../../content/campaigns'
import type { Locale, LocalizedList, LocalizedText, Snapshot } from '../../content/schema'
import type { Config } from '../../cms/payload-types'
import { publicJwk } from '../../mpp/keys'
import { contentMediaDir } from './contentFiles'
import { richTextConverter } from './richText'
import { defaultSandboxOrigin } from './sandboxOrigin'

type Slug = 'tenants' | 'guides' | 'qa-categories' | 'qas' | 'campaigns' | 'media'
type Id = number | string

/** Demo accounts, for local use only; `center seed` refuses to create them in production. */
export const demoPassword = { superAdmin: 'center-admin', editor: 'center-editor', publisher: 'center-publisher' } as const
export const demoSuperAdmin = 'admin@center.local'
/** The demo editor of one tenant: saves drafts. */
export const demoEditor = (tenant: string) => `editor@${tenant}.local`
/** The demo publisher of one tenant: also publishes. */
export const demoPublisher = (tenant: string) => `publisher@${tenant}.local`

/** The value of each localized text in one locale, leaving out texts that lack it. */
export function inLocale<T extends Record<string, unknown>>(fields: T, locale: Locale) {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(fields)) {
    const text = (value as LocalizedText)[locale]
    if (text) out[key] = text
  }
  return out
}

export type SeedReport = { created: number; existing: number }

export type SeedOptions = {
  demoUsers: boolean
  /** Where the snapshots' image files are: content/media by default. */
  mediaDir?: string
}

/**
 * Loads snapshots into the CMS, creating only what is missing (matched by slug, or file name
 * for images, within a tenant), so a second run changes nothing. Hooks see `context.seeding`
 * and skip rebuilds. Campaigns are made live for a year from now (liveForAYearFrom).
 */
export async function seed(payload: Payload, snapshots: Snapshot[], options: SeedOptions): Promise<SeedReport> {
  const mediaDir = options.mediaDir ?? contentMediaDir
  const report: SeedReport = { created: 0, existing: 0 }
  const context = { seeding: true }
  const seededAt = new Date()
  const { toLexical } = await richTextConverter(payload)
  /** A localized Markdown text as rich text in one locale, or nothing where it has no translation. */
  const rich = (text: LocalizedText, locale: Locale) => (text[locale] ? toLexical(text[locale]) : undefined)
  const list = (items: LocalizedList, locale: Locale) => items[locale] ?? []

  async function findId(collection: Slug, where: Where): Promise<Id | undefined> {
    const { docs } = await payload.find({ collection, where, limit: 1, depth: 0, draft: true, pagination: false })
    return docs[0]?.id
  }

  /** Creates a document in its first locale (the tenant's default), then adds the other locales' texts. */
  async function ensure<S extends Slug>(
    collection: S,
    where: Where,
    locales: Locale[],
    dataIn: (locale: Locale, created?: Config['collections'][S]) => Record<string, unknown>,
    filePath?: string,
  ): Promise<Id> {
    const existing = await findId(collection, where)
    if (existing !== undefined) {
      report.existing++
      return existing
    }
    const [first, ...others] = locales
    const created = await payload.create({ collection, data: dataIn(first) as never, locale: first, context, depth: 0, filePath })
    for (const locale of others) {
      await payload.update({ collection, id: created.id, data: dataIn(locale, created as Config['collections'][S]) as never, locale, context, depth: 0 })
    }
    report.created++
    return created.id
  }

  /** A demo tenant served by the sandbox MPP with no public keys yet gets the sandbox's, so the Center API accepts its demo tokens. */
  async function trustSandboxKeys(slug: string, mppApiBaseUrl: string, id: Id) {
    if (!mppApiBaseUrl.startsWith(`${defaultSandboxOrigin}/`)) return
    const { jwks } = await payload.findByID({ collection: 'tenants', id, depth: 0 })
    if ((jwks as { keys?: unknown[] } | null)?.keys?.length) return
    await payload.update({ collection: 'tenants', id, data: { jwks: { keys: [publicJwk(slug)] } }, context, depth: 0 })
  }

  const tenantIds: Record<string, Id> = {}
  for (const { tenant, categories, guides, qas, campaigns, media } of snapshots) {
    /** The tenant's locales that any of these texts is written in, default first. */
    const locales = (...texts: LocalizedText[]): Locale[] =>
      [tenant.defaultLocale, ...tenant.locales.filter((l) => l !== tenant.defaultLocale && texts.some((text) => text[l]))]
    const tenantId = await ensure('tenants', { slug: { equals: tenant.slug } }, locales(tenant.brand.intro), (locale) => ({
      ...(locale === tenant.defaultLocale
        ? { name: tenant.name, slug: tenant.slug, enabledLocales: tenant.locales, defaultLocale: tenant.defaultLocale, features: tenant.features, mppApiBaseUrl: tenant.mppApiBaseUrl, supportEmail: tenant.supportEmail }
        : {}),
      brand: { primaryColor: tenant.brand.primaryColor, accentColor: tenant.brand.accentColor, ...inLocale({ intro: tenant.brand.intro }, locale) },
    }))
    tenantIds[tenant.slug] = tenantId
    await trustSandboxKeys(tenant.slug, tenant.mppApiBaseUrl, tenantId)
    const inTenant = (slug: string): Where => ({ and: [{ tenant: { equals: tenantId } }, { slug: { equals: slug } }] })

    const mediaIds: Record<string, Id> = {}
    for (const item of media) {
      const where: Where = { and: [{ tenant: { equals: tenantId } }, { filename: { equals: item.file } }] }
      mediaIds[item.file] = await ensure('media', where, locales(item.alt), (locale) => ({ tenant: tenantId, ...inLocale({ alt: item.alt }, locale) }), join(mediaDir, item.file))
    }
    const logo = tenant.brand.logo && mediaIds[tenant.brand.logo]
    if (logo !== undefined && logo !== '') {
      const current = await payload.findByID({ collection: 'tenants', id: tenantId, depth: 0 })
      // Payload keeps the group's other fields (every locale's intro) when only the logo is given.
      if (!current.brand.logo) await payload.update({ collection: 'tenants', id: tenantId, data: { brand: { logo: logo as number } } as never, context, depth: 0 })
    }

    const categoryIds: Record<string, Id> = {}
    for (const category of categories) {
      categoryIds[category.slug] = await ensure('qa-categories', inTenant(category.slug), locales(category.name), (locale) => ({
        tenant: tenantId, slug: category.slug, order: category.order, ...inLocale({ name: category.name }, locale),
      }))
    }
    const qaIds: Record<string, Id> = {}
    for (const qa of qas) {
      qaIds[qa.slug] = await ensure('qas', inTenant(qa.slug), locales(qa.question, qa.answer), (locale) => ({
        tenant: tenantId, slug: qa.slug, category: categoryIds[qa.category], order: qa.order, pinned: qa.pinned, _status: 'published',
        ...inLocale({ question: qa.question }, locale),
        answer: rich(qa.answer, locale),
        alternatives: list(qa.alternatives, locale),
        keywords: list(qa.keywords, locale),
      }))
    }
    for (const guide of guides) {
      await ensure('guides', inTenant(guide.slug), locales(guide.title, guide.summary, ...guide.steps.map((s) => s.body)), (locale, created) => ({
        tenant: tenantId, slug: guide.slug, product: guide.product, order: guide.order, _status: 'published',
        related: guide.related.map((slug) => qaIds[slug]),
        ...inLocale({ title: guide.title, summary: guide.summary }, locale),
        // Other locales update the rows the first locale created, keeping one set of steps.
        steps: guide.steps.map((step, i) => ({ id: created?.steps?.[i]?.id, body: rich(step.body, locale), image: step.image ? mediaIds[step.image] : undefined })),
      }))
    }
    for (const campaign of liveForAYearFrom(campaigns, seededAt)) {
      await ensure('campaigns', inTenant(campaign.slug), locales(campaign.title, ...campaign.tutorial.steps.map((s) => s.body)), (locale, created) => ({
        tenant: tenantId, slug: campaign.slug, _status: 'published',
        ...inLocale({ title: campaign.title }, locale),
        tutorial: {
          videoUrl: campaign.tutorial.videoUrl,
          steps: campaign.tutorial.steps.map((step, i) => ({ id: created?.tutorial?.steps?.[i]?.id, body: rich(step.body, locale) })),
        },
        voucher: { merchant: campaign.voucher.merchant, currency: campaign.voucher.amount.currency, value: campaign.voucher.amount.value, validityDays: campaign.voucher.validityDays },
        budget: campaign.budget,
        startsAt: campaign.startsAt,
        endsAt: campaign.endsAt,
      }))
    }
  }

  if (options.demoUsers) {
    type DemoUser = { email: string; password: string; role: 'super-admin' | 'editor'; tenants: { tenant: Id; role: 'editor' | 'publisher' }[] }
    const users: DemoUser[] = [
      { email: demoSuperAdmin, password: demoPassword.superAdmin, role: 'super-admin', tenants: [] },
      ...Object.entries(tenantIds).flatMap(([slug, id]): DemoUser[] => [
        { email: demoEditor(slug), password: demoPassword.editor, role: 'editor', tenants: [{ tenant: id, role: 'editor' }] },
        { email: demoPublisher(slug), password: demoPassword.publisher, role: 'editor', tenants: [{ tenant: id, role: 'publisher' }] },
      ]),
    ]
    for (const user of users) {
      if ((await payload.find({ collection: 'users', where: { email: { equals: user.email } }, limit: 1 })).docs.length) {
        report.existing++
        continue
      }
      await payload.create({
        collection: 'users',
        data: { email: user.email, password: user.password, role: user.role, // Generated types say number (SQLite); on MongoDB the id is a string.
        tenants: user.tenants.map(({ tenant, role }) => ({ tenant: tenant as number, role })) },
        context,
      })
      report.created++
    }
  }
  return report
}
