import { buildAskIndex, type AskIndex, type IndexSource } from '../../../content/ask'
import { chineseFolds } from '../../../content/ask/chineseFolds'
import { lexiconFor, type LexiconGroup } from '../../../content/ask/lexicon'
import { markdownText, renderMarkdown } from '../../../content/markdown'
import type { Locale, LocalizedList, Snapshot, Tenant } from '../../../content/schema'
import { guidesInOrder } from './content'
import { localize } from './localize'
import { centerPath } from './routes'

/** Phrases in the page's locale, or the default locale's when it has none. */
export function localizeList(list: LocalizedList, locale: Locale, tenant: Pick<Tenant, 'defaultLocale'>): string[] {
  return list[locale]?.length ? list[locale] : (list[tenant.defaultLocale] ?? [])
}

/** Everything a tenant's search and ask box find in one locale: its Q&As and guides with their plain text. */
export function searchDocs(snapshot: Snapshot, locale: Locale): IndexSource[] {
  const { tenant } = snapshot
  const text = (value: Parameters<typeof localize>[0]) => localize(value, locale, tenant).text
  const guides: IndexSource[] = tenant.features.includes('guides')
    ? guidesInOrder(snapshot.guides).map((guide) => ({
        kind: 'guide',
        slug: guide.slug,
        url: centerPath(tenant.slug, locale, 'guides', guide.slug),
        title: text(guide.title),
        phrasings: [text(guide.summary)].filter(Boolean),
        keywords: [],
        body: guide.steps.map((step) => markdownText(text(step.body))).join(' '),
      }))
    : []
  const qas: IndexSource[] = tenant.features.includes('qas')
    ? snapshot.qas.map((qa) => ({
        kind: 'qa',
        slug: qa.slug,
        url: centerPath(tenant.slug, locale, 'qas', qa.category, qa.slug),
        title: text(qa.question),
        phrasings: localizeList(qa.alternatives, locale, tenant),
        keywords: localizeList(qa.keywords, locale, tenant),
        body: markdownText(text(qa.answer)),
      }))
    : []
  return [...qas, ...guides]
}

/**
 * The MPP's own lexicon groups in one locale. A group joining no built-in concept is a concept of
 * its own, named by its place in the tenant's list so that no two groups merge by accident.
 */
export function tenantLexicon(snapshot: Pick<Snapshot, 'synonyms'>, locale: Locale): LexiconGroup[] {
  return snapshot.synonyms.flatMap((group, i) =>
    group.locale === locale ? [{ concept: group.concept ?? `mpp-${i + 1}`, phrases: group.phrases }] : [],
  )
}

/** The index one tenant and locale ship (search.json): built here, so the browser only decodes it. */
export function searchFile(snapshot: Snapshot, locale: Locale): AskIndex {
  const docs = searchDocs(snapshot, locale)
  const own = tenantLexicon(snapshot, locale)
  // The MPP's own phrases are folded too, so a brand written in traditional characters meets a question typed in simplified.
  const folds = chineseFolds([
    ...docs.flatMap((doc) => [doc.title, ...doc.phrasings, ...doc.keywords, doc.body]),
    ...own.flatMap((group) => group.phrases),
  ])
  return buildAskIndex(docs, locale, folds, lexiconFor(locale, own))
}

/** The answers the ask box shows (answers.json), as the Q&A pages render them, by Q&A slug. */
export function answersFile(snapshot: Snapshot, locale: Locale): Record<string, string> {
  const { tenant } = snapshot
  return Object.fromEntries(snapshot.qas.map((qa) => [qa.slug, renderMarkdown(localize(qa.answer, locale, tenant).text)]))
}
