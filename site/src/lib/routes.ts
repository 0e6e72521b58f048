import type { Snapshot } from '../../../content/schema'
import { features, type Feature, type Locale } from '../../../content/vocabulary'
import { guidesInOrder, usedCategories } from './content'
import { loadSnapshots } from './snapshots'

export type LocaleProps = { snapshot: Snapshot; locale: Locale }

/** One route per tenant and enabled locale: every page's getStaticPaths starts here. */
export function localeRoutes() {
  return loadSnapshots().flatMap((snapshot) =>
    snapshot.tenant.locales.map((locale) => ({
      params: { tenant: snapshot.tenant.slug, locale },
      props: { snapshot, locale } satisfies LocaleProps,
    })),
  )
}

/** The locale routes of the tenants that enable a feature. */
export const featureRoutes = (feature: Feature) => localeRoutes().filter(({ props }) => props.snapshot.tenant.features.includes(feature))

/** The path of a page in a tenant's Center, always with a trailing slash. */
export const centerPath = (tenant: string, locale: Locale, ...rest: string[]) => `/${[tenant, locale, ...rest].join('/')}/`

export type Section = { feature: Feature | 'home'; href: string }

/** The sections of a tenant's Center in one locale, home first, then each enabled feature in the usual order. */
export function sections(tenant: Pick<Snapshot['tenant'], 'slug' | 'features'>, locale: Locale): Section[] {
  const enabled = features.filter((feature) => tenant.features.includes(feature))
  return [
    { feature: 'home', href: centerPath(tenant.slug, locale) },
    ...enabled.map((feature) => ({ feature, href: centerPath(tenant.slug, locale, feature) })),
  ]
}

/** Every page of a tenant's Center below /<tenant>/<locale>/, the same in each locale: what its sitemap lists. */
export function pagePaths(snapshot: Snapshot): string[][] {
  const on = (feature: Feature) => snapshot.tenant.features.includes(feature)
  return [
    [],
    ...(on('guides') ? [['guides'], ...guidesInOrder(snapshot.guides).map((guide) => ['guides', guide.slug])] : []),
    ...(on('qas')
      ? [
          ['qas'],
          ...usedCategories(snapshot.categories, snapshot.qas).map((category) => ['qas', category.slug]),
          ...snapshot.qas.map((qa) => ['qas', qa.category, qa.slug]),
        ]
      : []),
    ...(['bills', 'agreements', 'rewards'] as const).filter(on).map((feature) => [feature]),
  ]
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A tenant's sitemap: every page in every enabled locale, each with its hreflang alternates. */
export function sitemapXml(snapshot: Snapshot, origin: string): string {
  const { slug, locales } = snapshot.tenant
  const url = (locale: Locale, path: string[]) => escapeXml(new URL(centerPath(slug, locale, ...path), origin).href)
  const entries = pagePaths(snapshot).flatMap((path) =>
    locales.map((locale) => {
      const alternates = locales.map((other) => `<xhtml:link rel="alternate" hreflang="${other}" href="${url(other, path)}"/>`).join('')
      return `<url><loc>${url(locale, path)}</loc>${alternates}</url>`
    }),
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">${entries.join('')}</urlset>\n`
}
