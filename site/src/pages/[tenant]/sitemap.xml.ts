import type { APIRoute } from 'astro'

import type { Snapshot } from '../../../../content/schema'
import { sitemapXml } from '../../lib/routes'
import { loadSnapshots } from '../../lib/snapshots'

export function getStaticPaths() {
  return loadSnapshots().map((snapshot) => ({ params: { tenant: snapshot.tenant.slug }, props: { snapshot } }))
}

/** One sitemap per tenant, beside its locales: /<tenant>/sitemap.xml. */
export const GET: APIRoute = ({ props, site }) => {
  const { snapshot } = props as { snapshot: Snapshot }
  return new Response(sitemapXml(snapshot, site?.href ?? 'http://localhost:4321'), { headers: { 'content-type': 'application/xml' } })
}
