import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { APIRoute } from 'astro'

import { loadSnapshots, mediaDir } from '../../../lib/snapshots'

/** Every image file a tenant's pages use, copied beside its locales: /<tenant>/media/<file>. */
export function getStaticPaths() {
  return loadSnapshots().flatMap((snapshot) =>
    snapshot.media
      .flatMap((item) => [item.file, ...item.sizes.map((size) => size.file)])
      .map((file) => ({ params: { tenant: snapshot.tenant.slug, file } })),
  )
}

export const GET: APIRoute = ({ params }) => new Response(readFileSync(join(mediaDir(), params.file!)))
