import type { Locale, Snapshot } from '../../../content/schema'
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

/** The path of a page in a tenant's Center, always with a trailing slash. */
export const centerPath = (tenant: string, locale: Locale, ...rest: string[]) =>
  `/${[tenant, locale, ...rest].join('/')}/`
