import type { Payload, Where } from 'payload'

import type { Locale, LocalizedText, Snapshot } from '../../content/schema'
import type { Config } from '../../cms/payload-types'

type Slug = 'tenants' | 'guides' | 'qa-categories' | 'qas'
type Id = number | string

/** Demo accounts, for local use only; `center seed` refuses to create them in production. */
export const demoPassword = { superAdmin: 'center-admin', editor: 'center-editor' } as const
export const demoSuperAdmin = 'admin@center.local'
/** The demo editor of one tenant. */
export const demoEditor = (tenant: string) => `editor@${tenant}.local`

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

/**
 * Loads snapshots into the CMS, creating only what is missing (matched by slug within a
 * tenant), so a second run changes nothing. Hooks see `context.seeding` and skip rebuilds.
 */
export async function seed(payload: Payload, snapshots: Snapshot[], options: { demoUsers: boolean }): Promise<SeedReport> {
  const report: SeedReport = { created: 0, existing: 0 }
  const context = { seeding: true }

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
  ): Promise<Id> {
    const existing = await findId(collection, where)
    if (existing !== undefined) {
      report.existing++
      return existing
    }
    const [first, ...others] = locales
    const created = await payload.create({ collection, data: dataIn(first) as never, locale: first, context, depth: 0 })
    for (const locale of others) {
      await payload.update({ collection, id: created.id, data: dataIn(locale, created as Config['collections'][S]) as never, locale, context, depth: 0 })
    }
    report.created++
    return created.id
  }

  const tenantIds: Record<string, Id> = {}
  for (const { tenant, categories, guides, qas } of snapshots) {
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
    const inTenant = (slug: string): Where => ({ and: [{ tenant: { equals: tenantId } }, { slug: { equals: slug } }] })

    const categoryIds: Record<string, Id> = {}
    for (const category of categories) {
      categoryIds[category.slug] = await ensure('qa-categories', inTenant(category.slug), locales(category.name), (locale) => ({
        tenant: tenantId, slug: category.slug, order: category.order, ...inLocale({ name: category.name }, locale),
      }))
    }
    for (const guide of guides) {
      await ensure('guides', inTenant(guide.slug), locales(guide.title, guide.summary, ...guide.steps.map((s) => s.body)), (locale, created) => ({
        tenant: tenantId, slug: guide.slug, product: guide.product, order: guide.order, _status: 'published',
        ...inLocale({ title: guide.title, summary: guide.summary }, locale),
        // Other locales update the rows the first locale created, keeping one set of steps.
        steps: guide.steps.map((step, i) => ({ id: created?.steps?.[i]?.id, ...inLocale({ body: step.body }, locale) })),
      }))
    }
    for (const qa of qas) {
      await ensure('qas', inTenant(qa.slug), locales(qa.question, qa.answer), (locale) => ({
        tenant: tenantId, slug: qa.slug, category: categoryIds[qa.category], order: qa.order, _status: 'published',
        ...inLocale({ question: qa.question, answer: qa.answer }, locale),
      }))
    }
  }

  if (options.demoUsers) {
    const users: { email: string; password: string; role: 'super-admin' | 'editor'; tenants: Id[] }[] = [
      { email: demoSuperAdmin, password: demoPassword.superAdmin, role: 'super-admin', tenants: [] },
      ...Object.entries(tenantIds).map(([slug, id]) => ({ email: demoEditor(slug), password: demoPassword.editor, role: 'editor' as const, tenants: [id] })),
    ]
    for (const user of users) {
      if ((await payload.find({ collection: 'users', where: { email: { equals: user.email } }, limit: 1 })).docs.length) {
        report.existing++
        continue
      }
      await payload.create({
        collection: 'users',
        data: { email: user.email, password: user.password, role: user.role, // Generated types say number (SQLite); on MongoDB the id is a string.
        tenants: user.tenants.map((tenant) => ({ tenant: tenant as number })) },
        context,
      })
      report.created++
    }
  }
  return report
}
