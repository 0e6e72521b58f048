import { campaignPhase } from '../../../content/campaigns'
import type { Campaign, Category, Guide, Qa } from '../../../content/schema'
import { products } from '../../../content/vocabulary'
import { formatDateTime } from '../i18n/format'

/** The most asked questions: pinned ones first, then by popularity from users' feedback, then by the MPP's order, at most `limit`. */
export function popularQas<T extends Pick<Qa, 'pinned' | 'order'> & { popularity?: number }>(qas: T[], limit: number): T[] {
  return qas
    .map((qa, index) => ({ qa, index }))
    .sort(
      (a, b) =>
        Number(b.qa.pinned) - Number(a.qa.pinned) ||
        (b.qa.popularity ?? 0) - (a.qa.popularity ?? 0) ||
        a.qa.order - b.qa.order ||
        a.index - b.index,
    )
    .slice(0, limit)
    .map(({ qa }) => qa)
}

/** Items by their `order`, ties kept as given. */
export const byOrder = <T extends { order: number }>(items: T[]): T[] => [...items].sort((a, b) => a.order - b.order)

/** Guides in reading order: by product (online, in-store, auto-debit), then by their order. */
export function guidesInOrder<T extends Pick<Guide, 'product' | 'order'>>(guides: T[]): T[] {
  return products.flatMap((product) => byOrder(guides.filter((guide) => guide.product === product)))
}

/** The guides just before and after one in reading order, for previous and next links. */
export function neighbours<T extends Pick<Guide, 'slug' | 'product' | 'order'>>(guides: T[], slug: string): { previous?: T; next?: T } {
  const product = guides.find((guide) => guide.slug === slug)?.product
  if (!product) return {}
  const ordered = guidesInOrder(guides.filter((guide) => guide.product === product))
  const at = ordered.findIndex((guide) => guide.slug === slug)
  return { previous: ordered[at - 1], next: ordered[at + 1] }
}

/** The Q&As a guide names as related, in the order it names them; a slug with no Q&A is left out. */
export function relatedQas<T extends Pick<Qa, 'slug'>>(qas: T[], slugs: string[]): T[] {
  return slugs.flatMap((slug) => qas.filter((qa) => qa.slug === slug))
}

/** The guides that name a Q&A as related, in reading order. */
export const guidesAbout = <T extends Pick<Guide, 'related' | 'product' | 'order'>>(guides: T[], qaSlug: string): T[] =>
  guidesInOrder(guides.filter((guide) => guide.related.includes(qaSlug)))

/** A category's Q&As in order. */
export const qasIn = <T extends Pick<Qa, 'category' | 'order'>>(qas: T[], category: Pick<Category, 'slug'>): T[] =>
  byOrder(qas.filter((qa) => qa.category === category.slug))

/** Categories that hold at least one Q&A, in order. */
export const usedCategories = <C extends Pick<Category, 'slug' | 'order'>>(categories: C[], qas: Pick<Qa, 'category'>[]): C[] =>
  byOrder(categories.filter((category) => qas.some((qa) => qa.category === category.slug)))

/** Campaigns running at a moment: started and not yet ended. */
export const liveCampaigns = <T extends Pick<Campaign, 'startsAt' | 'endsAt'>>(campaigns: T[], now: Date): T[] =>
  campaigns.filter((campaign) => campaignPhase(campaign, now) === 'live')

/** A date as the locale writes it (Thai in the Buddhist era, see i18n/format.ts), in UTC so every build of a snapshot prints the same day. */
export const formatDate = (iso: string, locale: string): string => formatDateTime(iso, locale, { dateStyle: 'long', timeZone: 'UTC' })

/** A whole number in the locale's digits. */
export const formatNumber = (value: number, locale: string): string => new Intl.NumberFormat(locale).format(value)
