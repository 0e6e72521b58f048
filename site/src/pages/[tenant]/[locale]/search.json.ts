import type { APIRoute } from 'astro'

import { localeRoutes, type LocaleProps } from '../../../lib/routes'
import { searchFile } from '../../../lib/searchIndex'

export const getStaticPaths = localeRoutes

/** The index of one tenant and locale (content/ask/engine.ts), fetched by the ask box on the first keystroke. */
export const GET: APIRoute = ({ props }) => {
  const { snapshot, locale } = props as LocaleProps
  return new Response(JSON.stringify(searchFile(snapshot, locale)), { headers: { 'content-type': 'application/json' } })
}
