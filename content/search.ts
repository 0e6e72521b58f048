import type { IFuseOptions } from 'fuse.js'

/** One thing search can find: a guide or a Q&A, in the page's locale. */
export type SearchDoc = {
  kind: 'guide' | 'qa'
  slug: string
  url: string
  title: string
  alternatives: string[]
  keywords: string[]
  body: string
}

/** What the index is built over and how each field weighs; the build and the island must use the same keys. */
export const searchKeys = [
  { name: 'title', weight: 3 },
  { name: 'alternatives', weight: 2 },
  { name: 'keywords', weight: 1.5 },
  { name: 'body', weight: 0.5 },
] as const

/**
 * Fuzzy enough for a misspelled question ("how long dose a refnd take"), and anywhere in the
 * text, since CJK questions have no word boundaries to anchor on.
 */
export const searchOptions: IFuseOptions<SearchDoc> = {
  keys: searchKeys.map((key) => ({ ...key })),
  threshold: 0.4,
  ignoreLocation: true,
  ignoreDiacritics: true,
  minMatchCharLength: 1,
}

/** How many results the search box lists. */
export const searchLimit = 8

/** A query as search takes it: trimmed, inner spaces collapsed, cut to 64 characters (Fuse slows past 32). */
export const normalizeQuery = (query: string): string => query.replace(/\s+/g, ' ').trim().slice(0, 64)
