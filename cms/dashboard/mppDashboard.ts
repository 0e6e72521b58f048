import type { Payload, TypedUser, Where } from 'payload'

import { isSuperAdmin } from '../access/isSuperAdmin'
import { hasRoleIn, tenantsWithRole } from '../access/tenantRoles'
import { unansweredByTenant, type QuestionGroup } from '../ask/unanswered'
import { reviewableCollections, titleField, type Reviewable } from '../collections/ReviewRequests/reviewable'
import { translationStatus, type LocaleStatus } from '../lib/translationStatus'
import type { Build } from '../payload-types'

type Id = number | string
type Localized = Record<string, string | null | undefined>

export type DashboardDoc = { collection: Reviewable; id: Id; title: string; href: string }
export type WaitingDraft = DashboardDoc & { updatedAt: string; neverPublished: boolean }
export type TranslationGap = DashboardDoc & { locales: (LocaleStatus & { href: string })[] }
export type ReviewItem = DashboardDoc & { requestedBy: string; requestedAt: string; note?: string | null }
export type BuildItem = {
  id: Id
  buildId: string
  state: Build['state']
  trigger: Build['trigger']
  live: boolean
  at: string
  href: string
  leftOut: { title: string; problem: string; href: string }[]
}
export type TenantDashboard = {
  tenant: { id: Id; name: string; slug: string; defaultLocale: string }
  /** What the user may do here: publishers review and publish, editors write drafts. */
  role: 'super-admin' | 'publisher' | 'editor'
  reviews: ReviewItem[]
  drafts: WaitingDraft[]
  translations: TranslationGap[]
  unanswered: QuestionGroup[]
  builds: BuildItem[]
}

/** How many builds, and how many unanswered question groups, each MPP's dashboard lists. */
export const dashboardLimits = { builds: 3, unanswered: 5 } as const

const idOf = (value: unknown): Id | undefined => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id | undefined))

/** The text of a field read with `locale: 'all'`, in the MPP's default locale or else any locale that has one. */
function textIn(value: unknown, locale: string): string | undefined {
  if (typeof value === 'string') return value
  if (!value || typeof value !== 'object') return undefined
  const texts = value as Localized
  return texts[locale] ?? Object.values(texts).find((text): text is string => Boolean(text)) ?? undefined
}

/**
 * Everything waiting on the user in each MPP they work in: review requests, drafts newer than what
 * is live, translations missing or older than the default locale's text, questions users asked that
 * found no good answer, and the last builds with the documents they left out. Every read goes
 * through the user's access (`overrideAccess: false`), so no other MPP's data can appear.
 */
export async function mppDashboard(payload: Payload, user: TypedUser, adminRoute = '/admin'): Promise<TenantDashboard[]> {
  const own = isSuperAdmin(user) ? undefined : tenantsWithRole(user, 'editor')
  if (own?.length === 0) return []
  const read = { overrideAccess: false, user, depth: 0 } as const
  const { docs: tenants } = await payload.find({
    collection: 'tenants',
    ...read,
    where: own ? { id: { in: own } } : {},
    select: { name: true, slug: true, defaultLocale: true, enabledLocales: true },
    sort: 'name',
    pagination: false,
  })
  const inTenants: Where = { tenant: { in: tenants.map((tenant) => tenant.id) } }
  const docHref = (collection: string, id: Id, locale?: string) =>
    `${adminRoute}/collections/${collection}/${id}${locale ? `?locale=${locale}` : ''}`

  const [content, published, requests, groupsOf, builds] = await Promise.all([
    Promise.all(
      reviewableCollections.map(async (collection) => {
        const { docs } = await payload.find({
          collection,
          ...read,
          draft: true,
          locale: 'all',
          where: inTenants,
          select: { [titleField[collection]]: true, tenant: true, translatedAt: true, _status: true, updatedAt: true },
          sort: '-updatedAt',
          pagination: false,
        })
        return docs.map((doc) => ({ collection, doc: doc as unknown as Record<string, unknown> & { id: Id } }))
      }),
    ),
    // Documents with a published version: a draft of one of these is a change, the others are new.
    Promise.all(
      reviewableCollections.map(async (collection) => {
        const { docs } = await payload.find({
          collection,
          ...read,
          draft: false,
          where: { and: [inTenants, { _status: { equals: 'published' } }] },
          select: { tenant: true },
          pagination: false,
        })
        return docs.map((doc) => `${collection}:${doc.id}`)
      }),
    ),
    payload.find({ collection: 'review-requests', ...read, depth: 1, where: inTenants, sort: 'createdAt', pagination: false }),
    unansweredByTenant(payload, user, { limit: dashboardLimits.unanswered, tenants: tenants.map((tenant) => tenant.id) }),
    Promise.all(
      tenants.map(
        async (tenant) =>
          (
            await payload.find({
              collection: 'builds',
              ...read,
              where: { tenant: { equals: tenant.id } },
              select: { buildId: true, state: true, trigger: true, live: true, createdAt: true, finishedAt: true, skipped: true },
              sort: '-createdAt',
              limit: dashboardLimits.builds,
            })
          ).docs,
      ),
    ),
  ])
  const live = new Set(published.flat())
  const titles = new Map<string, string>()
  for (const { collection, doc } of content.flat()) {
    const tenant = tenants.find((one) => String(one.id) === String(idOf(doc.tenant)))
    titles.set(`${collection}:${doc.id}`, textIn(doc[titleField[collection]], tenant?.defaultLocale ?? 'en') ?? `#${doc.id}`)
  }
  const titleOf = (collection: string, id: Id) => titles.get(`${collection}:${id}`) ?? `${collection} #${id}`

  return tenants.map((tenant, index) => {
    const mine = content.flat().filter(({ doc }) => String(idOf(doc.tenant)) === String(tenant.id))
    const drafts = mine
      .filter(({ doc }) => doc._status !== 'published')
      .map(({ collection, doc }) => ({
        collection,
        id: doc.id,
        title: titleOf(collection, doc.id),
        href: docHref(collection, doc.id),
        updatedAt: String(doc.updatedAt),
        neverPublished: !live.has(`${collection}:${doc.id}`),
      }))
    const translations = mine.flatMap(({ collection, doc }) => {
      const gaps = translationStatus({
        locales: tenant.enabledLocales,
        defaultLocale: tenant.defaultLocale,
        translatedAt: (doc.translatedAt as Localized | undefined) ?? {},
      }).filter(({ state }) => state !== 'current')
      if (!gaps.length) return []
      const locales = gaps.map((gap) => ({ ...gap, href: docHref(collection, doc.id, gap.locale) }))
      return [{ collection, id: doc.id, title: titleOf(collection, doc.id), href: docHref(collection, doc.id), locales }]
    })
    const reviews = requests.docs
      .filter((request) => String(idOf(request.tenant)) === String(tenant.id))
      .map((request) => ({
        collection: request.collection,
        id: request.document,
        title: request.title ?? titleOf(request.collection, request.document),
        href: docHref(request.collection, request.document),
        requestedBy: typeof request.requestedBy === 'object' && request.requestedBy ? request.requestedBy.email : 'a former user',
        requestedAt: request.createdAt,
        note: request.note,
      }))
    return {
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, defaultLocale: tenant.defaultLocale },
      role: isSuperAdmin(user) ? 'super-admin' : hasRoleIn(user, tenant.id, 'publisher') ? 'publisher' : 'editor',
      reviews,
      drafts,
      translations,
      unanswered: groupsOf(tenant.id),
      builds: builds[index]!.map((build) => ({
        id: build.id,
        buildId: build.buildId,
        state: build.state,
        trigger: build.trigger,
        live: Boolean(build.live),
        at: build.finishedAt ?? build.createdAt,
        href: docHref('builds', build.id),
        leftOut: (build.skipped ?? []).map((row) => ({
          title: row.slug ?? titleOf(row.collection, row.document),
          problem: row.problem,
          href: docHref(row.collection, row.document),
        })),
      })),
    }
  })
}
