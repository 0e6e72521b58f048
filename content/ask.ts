import type Fuse from 'fuse.js'
import type { IFuseOptions } from 'fuse.js'

import { searchKeys, type SearchDoc } from './search'

/** The longest question the ask box matches, sends or stores; longer input is cut, not refused. */
export const maxQueryLength = 200

/** Control characters (C0, DEL, C1), zero-width and bidi overrides: never part of a question, and unsafe to store. */
const controlChars = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/g

/** A question as the ask box, `center ask` and the feedback endpoint take it: NFKC, control characters dropped, spaces collapsed, cut to maxQueryLength. */
export const cleanQuery = (text: string): string =>
  text.normalize('NFKC').replace(controlChars, ' ').replace(/\s+/g, ' ').trim().slice(0, maxQueryLength).trim()

/** Scripts written without spaces between words: matched by overlapping character pairs. */
const cjk = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}ー'
const unspaced = new RegExp(`[${cjk}]`, 'u')
const scriptParts = new RegExp(`[${cjk}]+|[^${cjk}]+`, 'gu')
const letterRun = /[\p{L}\p{N}]+/gu

/** Splits a run of CJK characters into overlapping pairs ("退款时间" → 退款, 款时, 时间); a lone character stays itself. */
function pairs(run: string): string[] {
  const chars = [...run]
  if (chars.length < 2) return chars
  return chars.slice(1).map((char, i) => chars[i] + char)
}

/** Arabic letters that users type interchangeably, short vowels and the tatweel: folded before matching. */
const arabicFolds: [RegExp, string][] = [
  [/[\u064b-\u065f\u0670\u0640]/g, ''],
  [/[أإآ]/g, 'ا'],
  [/ى/g, 'ي'],
  [/ة/g, 'ه'],
]
/** The article and the particles joined to an Arabic word ("والخصم" → "خصم"), dropped when a word of three letters or more is left. */
const arabicPrefix = /^(?:وال|بال|فال|كال|لل|ال)(?=\p{L}{3})/u

/** One spaced word as matched: Arabic folded and its article dropped, other scripts as they are. */
function wordTerm(word: string): string {
  if (!/\p{Script=Arabic}/u.test(word)) return word
  return arabicFolds.reduce((text, [from, to]) => text.replace(from, to), word).replace(arabicPrefix, '')
}

/**
 * The terms the ask box matches on, for questions and for the indexed text alike: words for
 * scripts with spaces, character pairs for Chinese, Japanese and Korean, punctuation dropped.
 */
export function askTerms(text: string): string[] {
  const terms: string[] = []
  for (const [word] of text.normalize('NFKC').toLowerCase().matchAll(letterRun)) {
    // A word can mix scripts ("qr碼", "lumopay付款"): spaced and unspaced parts are split apart.
    for (const [part] of word.matchAll(scriptParts)) {
      terms.push(...(unspaced.test(part) ? pairs(part) : [wordTerm(part)]))
    }
  }
  return terms
}

/** How each field of a Q&A weighs in the ask box: the question and its other phrasings most, the answer least. */
const askWeights: Record<(typeof searchKeys)[number]['name'], number> = { title: 3, alternatives: 3, keywords: 2, body: 0.5 }

/** The search index's own keys, in its order (Fuse reads the prebuilt index by position), with the ask box's weights. */
export const askKeys = searchKeys.map(({ name }) => ({ name, weight: askWeights[name] }))

/**
 * Token search (TF-IDF over fuzzy-matched terms) on the search index's own fields: each word of
 * the question may be misspelled or anywhere, rare words count more than "how" or "的".
 */
export const askOptions: IFuseOptions<SearchDoc> = {
  keys: askKeys,
  useTokenSearch: true,
  tokenize: askTerms,
  threshold: 0.3,
  ignoreDiacritics: true,
  ignoreFieldNorm: true,
  includeScore: true,
}

/** The share of a question's weight (rare words weigh more) that the best Q&A must cover to be given as the answer; below it the box says it is not sure. */
export const answerThreshold = 0.5
/** The weaker share an alternative must cover to be offered beside the answer. */
export const alternativeThreshold = 0.45

export type AskCandidate = { match: string; score: number; question: string; url: string }
/** What the ask box answers: the best Q&A (null when not sure), its confidence (1: every word of the question found), and up to two alternatives. */
export type AskResult = {
  match: string | null
  score: number
  question?: string
  url?: string
  answer?: string
  alternatives: AskCandidate[]
}

/** A tenant and locale's search file as search.json serves it: the documents and their prebuilt Fuse index. */
export type SearchFile = { docs: SearchDoc[]; index: Parameters<typeof Fuse.parseIndex>[0] }

type DocText = { head: string; headWords: Set<string>; body: string; bodyWords: Set<string>; phrases: string[][] }

const isUnspaced = (term: string) => unspaced.test(term)

/** Terms joined back into searchable text: overlapping CJK pairs ("退款 款时") merge into their run ("退款时"), so a pair is found by a substring search. */
const pairRun = new RegExp(`([${cjk}])([${cjk}]) (?=\\2[${cjk}])`, 'gu')
const joinPairs = (terms: string): string => terms.replace(pairRun, '$1')

/** Whether two words differ only by two neighbouring letters swapped ("lnog", "long"): a typo Fuse counts as two errors. */
export function swapped(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false
  const at = [...a].findIndex((char, i) => char !== b[i])
  return a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2)
}

/** Inverse document frequency: a term found in few documents says more about which one is meant. */
const idf = (total: number, found: number) => Math.log(1 + (total - found + 0.5) / (found + 0.5))

/** How much the closest phrasing counts beside coverage when ordering candidates (tuned on tests/fixtures/ask-eval). */
const phrasingWeight = 0.3

/** A CJK pair found in no document most often straddles two words of the question ("款时"): it counts for less. */
const unknownPairWeight = 0.3

/** The ask function over one search file; Fuse is passed in so the island can load it lazily, the limits so a script can tune them. */
export function asker(
  FuseClass: typeof Fuse,
  file: SearchFile,
  limits = { answer: answerThreshold, alternative: alternativeThreshold },
): (query: string) => AskResult {
  const fuse = new FuseClass(file.docs, askOptions, FuseClass.parseIndex<SearchDoc>(file.index))
  const texts = new Map<SearchDoc, DocText>(
    file.docs.map((doc) => {
      const head = [doc.title, ...doc.alternatives, ...doc.keywords].map((text) => askTerms(text).join(' ')).join(' | ')
      const body = askTerms(doc.body).join(' ')
      return [
        doc,
        {
          head: joinPairs(head),
          headWords: new Set(askTerms(head)),
          body: joinPairs(body),
          bodyWords: new Set(askTerms(body)),
          phrases: [doc.title, ...doc.alternatives].map((text) => [...new Set(askTerms(text))]),
        },
      ]
    }),
  )
  const all = [...texts.values()]
  // Every spaced word of the file once, so a misspelled word is looked up in one fuzzy search.
  const vocabulary = [...new Set(all.flatMap((text) => [...text.headWords, ...text.bodyWords].filter((word) => !isUnspaced(word))))]
  const letters = new Map(vocabulary.map((word) => [word, new Set(word)]))
  const spellings = new Map<string, Set<string>>()
  /** The file's words a term of the question stands for: itself, a word it starts, or (four letters and more) a near spelling. */
  const spellingsOf = (term: string): Set<string> => {
    if (!spellings.has(term)) {
      // Fuse's fuzzy match only runs on the few words sharing nearly all of the term's letters.
      const own = [...new Set(term)]
      const likely = (word: string) => own.filter((letter) => !letters.get(word)!.has(letter)).length <= 2
      const near =
        term.length >= 4
          ? new FuseClass(vocabulary.filter(likely), { threshold: 0.2, ignoreLocation: true, ignoreDiacritics: true })
              .search(term)
              .map((result) => result.item)
          : vocabulary.filter((word) => word === term || (term.length === 3 && word.startsWith(term)))
      if (term.length >= 4) near.push(...vocabulary.filter((word) => swapped(term, word)))
      spellings.set(term, new Set(near))
    }
    return spellings.get(term)!
  }
  const inText = (term: string, text: string, textWords: Set<string>): boolean => {
    if (isUnspaced(term)) return text.includes(term)
    for (const word of spellingsOf(term)) if (textWords.has(word)) return true
    // Words run together ("howlong", "getarefund").
    return term.length >= 6 && text.replace(/ /g, '').includes(term)
  }
  // Document frequencies of exact terms, counted once: a misspelled word counts as rare, which it is.
  const documentFrequency = new Map<string, number>()
  for (const text of all)
    for (const term of new Set([...text.headWords, ...text.bodyWords])) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1)
  const weight = (term: string): number => {
    const found = documentFrequency.get(term) ?? 0
    return idf(all.length, found) * (found === 0 && isUnspaced(term) ? unknownPairWeight : 1)
  }
  /** How much of the question a document covers, rare terms weighing more: in its question, phrasings and keywords fully, in its answer by half. */
  const coverage = (terms: string[], doc: SearchDoc): number => {
    const text = texts.get(doc)!
    let found = 0
    let total = 0
    for (const term of terms) {
      const w = weight(term)
      total += w
      if (inText(term, text.head, text.headWords)) found += w
      else if (inText(term, text.body, text.bodyWords)) found += w / 2
    }
    return total ? found / total : 0
  }

  /** How closely the question says one of the document's phrasings: the share of that phrasing's weight found in the question. */
  const phrasing = (terms: string[], joinedQuery: string, doc: SearchDoc): number => {
    const spelled = new Set(terms.flatMap((term) => (isUnspaced(term) ? [] : [term, ...spellingsOf(term)])))
    let best = 0
    for (const phrase of texts.get(doc)!.phrases) {
      let found = 0
      let total = 0
      for (const term of phrase) {
        const w = weight(term)
        total += w
        if (isUnspaced(term) ? joinedQuery.includes(term) : spelled.has(term)) found += w
      }
      if (total) best = Math.max(best, found / total)
    }
    return best
  }

  return (query) => {
    const wanted = cleanQuery(query)
    const terms = [...new Set(askTerms(wanted))]
    if (!terms.length) return { match: null, score: 0, alternatives: [] }
    const joinedQuery = joinPairs(askTerms(wanted).join(' '))
    // Fuse finds the candidates; coverage, with a nudge for the closest phrasing, orders them (ties keep Fuse's order).
    const ranked = fuse
      .search(wanted, { limit: 12 })
      .filter((result) => result.item.kind === 'qa')
      .map(({ item }) => {
        const covered = coverage(terms, item)
        return { item, score: Math.round(covered * 1000) / 1000, rank: covered + phrasingWeight * phrasing(terms, joinedQuery, item) }
      })
      .sort((a, b) => b.rank - a.rank)
    const [best, ...rest] = ranked
    if (!best || best.score < limits.answer) return { match: null, score: best?.score ?? 0, alternatives: [] }
    const alternatives = rest
      .filter((candidate) => candidate.score >= limits.alternative)
      .slice(0, 2)
      .map(({ item, score }) => ({ match: item.slug, score, question: item.title, url: item.url }))
    return { match: best.item.slug, score: best.score, question: best.item.title, url: best.item.url, answer: best.item.body, alternatives }
  }
}
