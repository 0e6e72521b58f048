import { cleanQuery } from './analyze'
import { AskEngine, defaultTuning, type AskIndex, type AskTuning } from './engine'

export { analyze, cleanQuery, maxQueryLength, segmenter } from './analyze'
export {
  AskEngine,
  buildAskIndex,
  defaultTuning,
  swappedPair,
  type AskDoc,
  type AskIndex,
  type AskTuning,
  type IndexSource,
} from './engine'

export type AskCandidate = { match: string; score: number; question: string; url: string }
/**
 * What the ask box answers: the Q&A it is sure of (`match`, null when it is not) with up to two
 * others beside it, or, when it is not sure, up to three suggestions ("Did you mean…"); none when
 * nothing fits. `alternatives` holds what the box shows besides the answer. `score` is the
 * best Q&A's coverage of the question (1: every word found in its question or phrasings).
 */
export type AskResult = {
  match: string | null
  score: number
  question?: string
  url?: string
  alternatives: AskCandidate[]
}

const rounded = (score: number) => Math.round(score * 1000) / 1000

/** The ask function over one index: coverage and its lead over the next Q&A decide whether it answers, suggests or says so. */
export function asker(index: AskIndex | AskEngine, tuning: AskTuning = defaultTuning): (query: string) => AskResult {
  const engine = index instanceof AskEngine ? index : new AskEngine(index)
  return (query) => {
    const ranked = engine.rank(cleanQuery(query), tuning, ['qa'])
    const candidate = ({ doc, coverage }: (typeof ranked)[number]): AskCandidate => {
      const { slug, title, url } = engine.docs[doc]!
      return { match: slug, score: rounded(coverage), question: title, url }
    }
    const [best, second] = ranked
    if (!best) return { match: null, score: 0, alternatives: [] }
    // The lead is taken on the ranking score, whose BM25F part separates Q&As that cover the same words.
    const lead = best.score - (second?.score ?? 0)
    const likely = ranked.filter(({ coverage }) => coverage >= tuning.suggest)
    if (best.coverage >= tuning.sure || (best.coverage >= tuning.answer && lead >= tuning.margin)) {
      const { match, question, url } = candidate(best)
      return { match, score: rounded(best.coverage), question, url, alternatives: likely.slice(1, 3).map(candidate) }
    }
    return { match: null, score: rounded(best.coverage), alternatives: likely.slice(0, 3).map(candidate) }
  }
}

/** One search result: the document, its title split into matched and other parts, and its coverage. */
export type SearchHit = {
  kind: 'qa' | 'guide'
  slug: string
  url: string
  title: string
  parts: { text: string; hit: boolean }[]
  score: number
}

/** How many results search lists at most; only documents covering enough of the query are listed. */
export const searchLimit = 8

/** Search over the same index: guides and Q&As that cover enough of the query, best first, with the matched words marked. */
export function searcher(index: AskIndex | AskEngine, tuning: AskTuning = defaultTuning): (query: string) => SearchHit[] {
  const engine = index instanceof AskEngine ? index : new AskEngine(index)
  return (query) =>
    engine
      .rank(cleanQuery(query), tuning)
      .filter(({ coverage }) => coverage >= tuning.suggest)
      .slice(0, searchLimit)
      .map(({ doc, coverage, matched }) => {
        const { kind, slug, url, title } = engine.docs[doc]!
        return { kind, slug, url, title, parts: engine.highlight(title, matched), score: rounded(coverage) }
      })
}
