import type { APIRoute } from 'astro'

import type { Snapshot } from '../../../../content/schema'
import { serviceWorkerSource } from '../../lib/offline'
import { centerPath } from '../../lib/routes'
import { loadSnapshots } from '../../lib/snapshots'

/** Each build gets its own cache, so a rebuild's pages replace the old ones. */
const version = Date.now().toString(36)

export function getStaticPaths() {
  return loadSnapshots().map((snapshot) => ({ params: { tenant: snapshot.tenant.slug }, props: { snapshot } }))
}

/** The tenant's service worker, /<tenant>/sw.js: it keeps every locale's home, ask box and offline page for offline use from the first visit. */
export const GET: APIRoute = ({ props }) => {
  const { tenant } = (props as { snapshot: Snapshot }).snapshot
  // Every locale's home, and its index and answers, so the ask box answers offline too, and the
  // page that says a page not kept yet needs a connection.
  const precache = tenant.locales.flatMap((locale) =>
    ['', 'search.json', 'answers.json', 'offline/'].map((file) => centerPath(tenant.slug, locale) + file),
  )
  return new Response(serviceWorkerSource({ tenant: tenant.slug, version, precache }), { headers: { 'content-type': 'text/javascript' } })
}
