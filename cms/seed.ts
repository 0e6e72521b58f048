import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest, type Where } from 'payload'

import { liveForAYearFrom } from '../content/campaigns'
import { contentMediaDir, readSnapshots } from '../content/files'
import type { Locale, LocalizedList, LocalizedText, Snapshot } from '../content/schema'
import { publicJwk } from '../mpp/contract/demoKeys'
import { mediaDir as uploadsDir } from './env'
import { defaultSandboxOrigin } from './lib/mppOrigin'
import { richTextConverter } from './lib/richText'
import type { Config } from './payload-types'

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
  /** Told each time one tenant is seeded in full (committed). */
  onTenant?: (slug: string, report: SeedReport) => void
}

/** The key-value entry present while a seed runs: a seed cut off (a first start stopped) leaves it behind. */
const seedRunningKey = 'center:seed-running'

/** Whether a seed began and never finished, so some tenants (or their users) may be missing. */
export async function seedUnfinished(payload: Payload): Promise<boolean> {
  return payload.kv.has(seedRunningKey)
}

/**
 * Runs `work` in one database transaction where the adapter has them (SQLite; MongoDB on a replica
 * set), so a seed killed midway leaves each tenant either complete or absent.
 */
async function inTransaction<T>(payload: Payload, work: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const req = await createLocalReq({ context: { seeding: true } }, payload)
  await initTransaction(req)
  try {
    const result = await work(req)
    await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/**
 * Loads snapshots into the CMS, creating only what is missing (matched by slug, or file name
 * for images, within a tenant), so a second run changes nothing. Each tenant, with its demo users,
 * is written in one transaction, and a key-value entry marks the seed as running until it ends, so
 * a seed cut off midway is finished by the next (see seedDemoIfNeeded). Hooks see
 * `context.seeding` and skip rebuilds. Campaigns are made live for a year from now (liveForAYearFrom).
 */
export async function seed(payload: Payload, snapshots: Snapshot[], options: SeedOptions): Promise<SeedReport> {
  const mediaDir = options.mediaDir ?? contentMediaDir
  const report: SeedReport = { created: 0, existing: 0 }
  const seededAt = new Date()
  const { toLexical } = await richTextConverter(payload)
  /** A localized Markdown text as rich text in one locale, or nothing where it has no translation. */
  const rich = (text: LocalizedText, locale: Locale) => (text[locale] ? toLexical(text[locale]) : undefined)
  const list = (items: LocalizedList, locale: Locale) => items[locale] ?? []

  await payload.kv.set(seedRunningKey, { startedAt: new Date().toISOString() })
  if (options.demoUsers) {
    await inTransaction(payload, (req) =>
      ensureUser(req, { email: demoSuperAdmin, password: demoPassword.superAdmin, role: 'super-admin', tenants: [] }, report),
    )
  }
  for (const snapshot of snapshots) {
    const tenantReport: SeedReport = { created: 0, existing: 0 }
    await inTransaction(payload, (req) => seedTenant(req, snapshot, tenantReport))
    report.created += tenantReport.created
    report.existing += tenantReport.existing
    options.onTenant?.(snapshot.tenant.slug, tenantReport)
  }
  await payload.kv.delete(seedRunningKey)
  return report

  /** One tenant's content, media and demo users, every call inside the request's transaction. */
  async function seedTenant(
    req: PayloadRequest,
    { tenant, categories, guides, qas, campaigns, media }: Snapshot,
    report: SeedReport,
  ): Promise<void> {
    const context = { seeding: true }
    async function findId(collection: Slug, where: Where): Promise<Id | undefined> {
      const { docs } = await payload.find({ collection, where, limit: 1, depth: 0, draft: true, pagination: false, req })
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
      const created = await payload.create({ collection, data: dataIn(first) as never, locale: first, context, depth: 0, filePath, req })
      for (const locale of others) {
        await payload.update({
          collection,
          id: created.id,
          data: dataIn(locale, created as Config['collections'][S]) as never,
          locale,
          context,
          depth: 0,
          req,
        })
      }
      report.created++
      return created.id
    }

    /** A demo tenant served by the sandbox MPP with no public keys yet gets the sandbox's, so the Center API accepts its demo tokens. */
    async function trustSandboxKeys(slug: string, mppApiBaseUrl: string, id: Id) {
      if (!mppApiBaseUrl.startsWith(`${defaultSandboxOrigin}/`)) return
      const { jwks } = await payload.findByID({ collection: 'tenants', id, depth: 0, req })
      if ((jwks as { keys?: unknown[] } | null)?.keys?.length) return
      await payload.update({ collection: 'tenants', id, data: { jwks: { keys: [publicJwk(slug)] } }, context, depth: 0, req })
    }

    /** The tenant's locales that any of these texts is written in, default first. */
    const locales = (...texts: LocalizedText[]): Locale[] => [
      tenant.defaultLocale,
      ...tenant.locales.filter((l) => l !== tenant.defaultLocale && texts.some((text) => text[l])),
    ]
    const tenantId = await ensure('tenants', { slug: { equals: tenant.slug } }, locales(tenant.brand.intro), (locale) => ({
      ...(locale === tenant.defaultLocale
        ? {
            name: tenant.name,
            slug: tenant.slug,
            enabledLocales: tenant.locales,
            defaultLocale: tenant.defaultLocale,
            features: tenant.features,
            mppApiBaseUrl: tenant.mppApiBaseUrl,
            supportEmail: tenant.supportEmail,
          }
        : {}),
      brand: {
        primaryColor: tenant.brand.primaryColor,
        accentColor: tenant.brand.accentColor,
        ...inLocale({ intro: tenant.brand.intro }, locale),
      },
    }))
    await trustSandboxKeys(tenant.slug, tenant.mppApiBaseUrl, tenantId)
    const inTenant = (slug: string): Where => ({ and: [{ tenant: { equals: tenantId } }, { slug: { equals: slug } }] })

    const mediaIds: Record<string, Id> = {}
    for (const item of media) {
      const where: Where = { and: [{ tenant: { equals: tenantId } }, { filename: { equals: item.file } }] }
      if ((await findId('media', where)) === undefined) await removeOrphanUpload(req, item.file)
      mediaIds[item.file] = await ensure(
        'media',
        where,
        locales(item.alt),
        (locale) => ({ tenant: tenantId, ...inLocale({ alt: item.alt }, locale) }),
        join(mediaDir, item.file),
      )
    }
    const logo = tenant.brand.logo && mediaIds[tenant.brand.logo]
    if (logo !== undefined && logo !== '') {
      const current = await payload.findByID({ collection: 'tenants', id: tenantId, depth: 0, req })
      // Payload keeps the group's other fields (every locale's intro) when only the logo is given.
      if (!current.brand.logo)
        await payload.update({
          collection: 'tenants',
          id: tenantId,
          data: { brand: { logo: logo as number } } as never,
          locale: tenant.defaultLocale,
          context,
          depth: 0,
          req,
        })
    }

    const categoryIds: Record<string, Id> = {}
    for (const category of categories) {
      categoryIds[category.slug] = await ensure('qa-categories', inTenant(category.slug), locales(category.name), (locale) => ({
        tenant: tenantId,
        slug: category.slug,
        order: category.order,
        ...inLocale({ name: category.name }, locale),
      }))
    }
    const qaIds: Record<string, Id> = {}
    for (const qa of qas) {
      qaIds[qa.slug] = await ensure('qas', inTenant(qa.slug), locales(qa.question, qa.answer), (locale) => ({
        tenant: tenantId,
        slug: qa.slug,
        category: categoryIds[qa.category],
        order: qa.order,
        pinned: qa.pinned,
        _status: 'published',
        ...inLocale({ question: qa.question }, locale),
        answer: rich(qa.answer, locale),
        alternatives: list(qa.alternatives, locale),
        keywords: list(qa.keywords, locale),
      }))
    }
    for (const guide of guides) {
      await ensure(
        'guides',
        inTenant(guide.slug),
        locales(guide.title, guide.summary, ...guide.steps.map((s) => s.body)),
        (locale, created) => ({
          tenant: tenantId,
          slug: guide.slug,
          product: guide.product,
          order: guide.order,
          _status: 'published',
          related: guide.related.map((slug) => qaIds[slug]),
          ...inLocale({ title: guide.title, summary: guide.summary }, locale),
          // Other locales update the rows the first locale created, keeping one set of steps.
          steps: guide.steps.map((step, i) => ({
            id: created?.steps?.[i]?.id,
            body: rich(step.body, locale),
            image: step.image ? mediaIds[step.image] : undefined,
          })),
        }),
      )
    }
    for (const campaign of liveForAYearFrom(campaigns, seededAt)) {
      await ensure(
        'campaigns',
        inTenant(campaign.slug),
        locales(campaign.title, ...campaign.tutorial.steps.map((s) => s.body)),
        (locale, created) => ({
          tenant: tenantId,
          slug: campaign.slug,
          _status: 'published',
          ...inLocale({ title: campaign.title }, locale),
          tutorial: {
            animation: campaign.tutorial.animation,
            videoUrl: campaign.tutorial.videoUrl,
            steps: campaign.tutorial.steps.map((step, i) => ({ id: created?.tutorial?.steps?.[i]?.id, body: rich(step.body, locale) })),
          },
          voucher: {
            merchant: campaign.voucher.merchant,
            currency: campaign.voucher.amount.currency,
            value: campaign.voucher.amount.value,
            validityDays: campaign.voucher.validityDays,
          },
          budget: campaign.budget,
          startsAt: campaign.startsAt,
          endsAt: campaign.endsAt,
        }),
      )
    }

    if (options.demoUsers) {
      await ensureUser(
        req,
        { email: demoEditor(tenant.slug), password: demoPassword.editor, role: 'editor', tenants: [{ tenant: tenantId, role: 'editor' }] },
        report,
      )
      await ensureUser(
        req,
        {
          email: demoPublisher(tenant.slug),
          password: demoPassword.publisher,
          role: 'editor',
          tenants: [{ tenant: tenantId, role: 'publisher' }],
        },
        report,
      )
    }
  }
}

type DemoUser = { email: string; password: string; role: 'super-admin' | 'editor'; tenants: { tenant: Id; role: 'editor' | 'publisher' }[] }

/** Creates a demo user unless one with that email exists. */
async function ensureUser(req: PayloadRequest, user: DemoUser, report: SeedReport): Promise<void> {
  const { payload } = req
  if ((await payload.find({ collection: 'users', where: { email: { equals: user.email } }, limit: 1, req })).docs.length) {
    report.existing++
    return
  }
  await payload.create({
    collection: 'users',
    data: {
      email: user.email,
      password: user.password,
      role: user.role, // Generated types say number (SQLite); on MongoDB the id is a string.
      tenants: user.tenants.map(({ tenant, role }) => ({ tenant: tenant as number, role })),
    },
    context: { seeding: true },
    req,
  })
  report.created++
}

/**
 * Removes an image file that no media document owns: a seed killed after writing the upload but
 * before committing its row leaves one, and Payload would then store the next upload as name-1.png.
 */
async function removeOrphanUpload(req: PayloadRequest, file: string): Promise<void> {
  const owners = await req.payload.count({ collection: 'media', where: { filename: { equals: file } }, req })
  const path = join(uploadsDir, file)
  if (owners.totalDocs === 0 && existsSync(path)) rmSync(path)
}

/**
 * `npm start`'s seed decision: seeds the demo content of content/ into an empty database, and
 * finishes a seed that an earlier start began and never ended (stopped during seeding). A database
 * seeded in full, or filled by hand, is left alone. Answers the report when it seeded.
 */
export async function seedDemoIfNeeded(payload: Payload, log: (line: string) => void): Promise<SeedReport | undefined> {
  const empty = (await payload.count({ collection: 'tenants' })).totalDocs === 0
  const unfinished = await seedUnfinished(payload)
  if (!empty && !unfinished) return undefined
  log(
    unfinished
      ? 'An earlier seed did not finish: seeding the rest of the demo content from content/…'
      : 'Empty database: seeding the demo content from content/…',
  )
  const report = await seed(payload, readSnapshots(), {
    demoUsers: true,
    onTenant: (slug, tenant) => log(`Seeded ${slug}: ${tenant.created} documents created, ${tenant.existing} already there.`),
  })
  log(`Seeded ${report.created} documents.`)
  return report
}
