import Fuse from 'fuse.js'

import { markdownText } from '../../../content/markdown'
import type { Locale, LocalizedList, Snapshot, Tenant } from '../../../content/schema'
import { searchOptions, type SearchDoc } from '../../../content/search'
import { guidesInOrder } from './content'
import { localize } from './localize'
import { centerPath } from './routes'

/** Phrases in the page's locale, or the default locale's when it has none. */
export function localizeList(list: LocalizedList, locale: Locale, tenant: Pick<Tenant, 'defaultLocale'>): string[] {
  return list[locale]?.length ? list[locale] : (list[tenant.defaultLocale] ?? [])
}

/** Everything a tenant's search finds in one locale: its guides and Q&As with their plain text. */
export function searchDocs(snapshot: Snapshot, locale: Locale): SearchDoc[] {
  const { tenant } = snapshot
  const text = (value: Parameters<typeof localize>[0]) => localize(value, locale, tenant).text
  const guides: SearchDoc[] = tenant.features.includes('guides')
    ? guidesInOrder(snapshot.guides).map((guide) => ({
        kind: 'guide',
        slug: guide.slug,
        url: centerPath(tenant.slug, locale, 'guides', guide.slug),
        title: text(guide.title),
        alternatives: [text(guide.summary)].filter(Boolean),
        keywords: [],
        body: guide.steps.map((step) => markdownText(text(step.body))).join(' '),
      }))
    : []
  const qas: SearchDoc[] = tenant.features.includes('qas')
    ? snapshot.qas.map((qa) => ({
        kind: 'qa',
        slug: qa.slug,
        url: centerPath(tenant.slug, locale, 'qas', qa.category, qa.slug),
        title: text(qa.question),
        alternatives: localizeList(qa.alternatives, locale, tenant),
        keywords: localizeList(qa.keywords, locale, tenant),
        body: markdownText(text(qa.answer)),
      }))
    : []
  return [...qas, ...guides]
}

/** The search file for one tenant and locale: the documents and their prebuilt Fuse index, so the browser does no indexing. */
export function searchFile(snapshot: Snapshot, locale: Locale) {
  const docs = searchDocs(snapshot, locale)
  return { docs, index: Fuse.createIndex(searchOptions.keys ?? [], docs).toJSON() }
}
