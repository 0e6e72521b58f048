import type { APIRoute } from 'astro'

import { localeRoutes, type LocaleProps } from '../../../lib/routes'
import { answersFile } from '../../../lib/searchIndex'

export const getStaticPaths = localeRoutes

/** The answers the ask box shows, as HTML by Q&A slug: fetched beside search.json on the first keystroke. */
export const GET: APIRoute = ({ props }) => {
  const { snapshot, locale } = props as LocaleProps
  return new Response(JSON.stringify(answersFile(snapshot, locale)), { headers: { 'content-type': 'application/json' } })
}
