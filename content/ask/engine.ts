import { distance } from 'fastest-levenshtein'
import Fuse from 'fuse.js/basic'

import type { Locale } from '../schema'
import { analyze, cleanQuery, isPaired, segmenter, type HanFolds } from './analyze'
import type { LexiconGroup } from './lexicon'
import { lightWords, stopWords } from './stopWords'

/** The fields a document is indexed by, in the order postings number them. */
export const fields = ['question', 'phrasings', 'keywords', 'body'] as const
type Field = (typeof fields)[number]

/** One thing the box can find: a Q&A or a guide, in the index's locale. */
export type AskDoc = { kind: 'qa' | 'guide'; slug: string; url: string; title: string }
/** A document's text as the build reads it from the snapshot. */
export type IndexSource = AskDoc & { phrasings: string[]; keywords: string[]; body: string }

/**
 * The index one MPP and locale ship (search.json), built at build time: the vocabulary, one
 * posting list per term (entries are `docDelta * 4 + field`, documents ascending, so lists stay
 * small numbers), each field's length per document, the Chinese folds and the lexicon concepts
 * the question is matched with, their phrases already analyzed (so the browser does not segment
 * a few hundred phrases before its first answer). The browser only decodes it.
 */
export type AskIndex = {
  version: 3
  locale: Locale
  docs: AskDoc[]
  terms: string[]
  postings: number[][]
  lengths: number[][]
  folds: HanFolds
  lexicon: CompiledLexicon
}

/** A term that stands for a lexicon concept: added wherever one of its phrases occurs. */
const conceptTerm = (concept: string) => `~${concept}`
const isConcept = (term: string) => term.startsWith('~')

/** Lexicon concepts as the index carries them: the concept's term and each phrase's analyzed terms. */
type CompiledLexicon = { term: string; sequences: string[][] }[]

function compileLexicon(lexicon: LexiconGroup[], locale: Locale, folds: HanFolds): CompiledLexicon {
  return lexicon.map(({ concept, phrases }) => ({
    term: conceptTerm(concept),
    sequences: phrases.map((phrase) => analyze(phrase, locale, folds)).filter((sequence) => sequence.length > 0),
  }))
}

/** Where `sequence` starts in `terms`, its terms next to each other; -1 when it does not occur. */
function findSequence(terms: string[], sequence: string[]): number {
  outer: for (let start = 0; start + sequence.length <= terms.length; start++) {
    for (let i = 0; i < sequence.length; i++) if (terms[start + i] !== sequence[i]) continue outer
    return start
  }
  return -1
}

/** The lexicon concepts found in a text's terms, each with the positions of the words that say it. */
function conceptMatches(terms: string[], lexicon: CompiledLexicon): { term: string; positions: number[] }[] {
  const found: { term: string; positions: number[] }[] = []
  for (const { term, sequences } of lexicon) {
    const positions = new Set<number>()
    for (const sequence of sequences) {
      const start = findSequence(terms, sequence)
      if (start >= 0) sequence.forEach((_, i) => positions.add(start + i))
    }
    if (positions.size) found.push({ term, positions: [...positions] })
  }
  return found
}

/** The concept terms of every lexicon phrase found in a text's terms. */
const conceptsIn = (terms: string[], lexicon: CompiledLexicon): string[] => conceptMatches(terms, lexicon).map(({ term }) => term)

/** A text's terms with the concept terms of every lexicon phrase it contains. */
function termsWithConcepts(text: string, locale: Locale, folds: HanFolds, lexicon: CompiledLexicon): string[] {
  const terms = analyze(text, locale, folds)
  return [...terms, ...conceptsIn(terms, lexicon)]
}

/** Builds one locale's index from its documents (build time only). */
export function buildAskIndex(sources: IndexSource[], locale: Locale, folds: HanFolds, lexicon: LexiconGroup[]): AskIndex {
  const compiled = compileLexicon(lexicon, locale, folds)
  const termsOf = (text: string) => termsWithConcepts(text, locale, folds, compiled)
  const found = new Map<string, Map<number, Set<number>>>()
  const lengths: number[][] = fields.map(() => [])
  sources.forEach((source, doc) => {
    const texts: Record<Field, string[]> = {
      question: [source.title],
      phrasings: source.phrasings,
      keywords: source.keywords,
      body: [source.body],
    }
    fields.forEach((field, f) => {
      const analyzed = texts[field].map(termsOf).filter((terms) => terms.length)
      // Phrasings are many short texts: a field's length is that of one of them, on average.
      lengths[f]!.push(analyzed.length ? Math.round(analyzed.reduce((sum, terms) => sum + terms.length, 0) / analyzed.length) : 0)
      for (const term of new Set(analyzed.flat())) {
        let docs = found.get(term)
        if (!docs) found.set(term, (docs = new Map()))
        let inFields = docs.get(doc)
        if (!inFields) docs.set(doc, (inFields = new Set()))
        inFields.add(f)
      }
    })
  })
  const terms = [...found.keys()].sort()
  const postings = terms.map((term) => {
    const entries: number[] = []
    let last = 0
    for (const [doc, inFields] of [...found.get(term)!.entries()].sort((a, b) => a[0] - b[0])) {
      for (const f of [...inFields].sort()) {
        entries.push((doc - last) * 4 + f)
        last = doc
      }
    }
    return entries
  })
  const docs = sources.map(({ kind, slug, url, title }) => ({ kind, slug, url, title }))
  return { version: 3, locale, docs, terms, postings, lengths, folds, lexicon: compiled }
}

/** How each field weighs in ranking and in coverage, and how much its length dampens it (BM25F). */
const fieldWeight = [3, 3, 2, 1]
const fieldLengthDamping = [0.5, 0.3, 0.3, 0.75]
/** A term found only in the answer covers the question's word by half. */
const fieldCoverage = [1, 1, 1, 0.5]
const k1 = 1.2

/** How a spelling correction counts beside the word itself: one edit, two edits. */
const correctionWeight = [1, 0.75, 0.5]
/** A character pair the index lacks most often straddles two words of the question: it counts for less. */
const kanaOnly = /^[\p{Script=Hiragana}ー]+$/u
const hanOnly = /^\p{Script=Han}+$/u
const unknownPairWeight = 0.3
/** A short word or a number the index lacks: it may be noise, it may be the question's subject. */
const unknownShortWeight = 0.6
/** Question words say which side of a topic is asked about, and weigh little. */
const lightWeight = 0.2
/** Concept terms repeat what the question's own words say: they count for less. */
const conceptWeight = 0.6

export type Ranked = { doc: number; coverage: number; score: number; matched: Set<string> }

/** The tunables of ranking and confidence (fitted with `center ask --eval` on the tuning half). */
export type AskTuning = {
  /** How much the BM25F score counts beside coverage when ordering. */
  bm25: number
  /** The coverage the best Q&A needs to be given as the answer... */
  answer: number
  /** ...and its lead over the next Q&A, unless its coverage reaches `sure`. */
  margin: number
  sure: number
  /** The coverage a Q&A needs to be suggested ("Did you mean…") or to appear in search. */
  suggest: number
}

export const defaultTuning: AskTuning = { bm25: 0.4, answer: 0.6, margin: 0, sure: 0.75, suggest: 0.25 }

/** One index, decoded for querying: posting lists on demand, spelling candidates by length. */
export class AskEngine {
  readonly docs: AskDoc[]
  readonly locale: Locale
  private readonly index: AskIndex
  private readonly termIds: Map<string, number>
  private readonly decoded = new Map<number, [number, number][]>()
  private readonly documentFrequency: number[]
  private readonly averageLength: number[]
  private readonly byLength = new Map<number, string[]>()
  private readonly corrected = new Map<string, { term: string; edits: number }[]>()
  private readonly fuzzy = new Map<number, Fuse<string>>()
  private readonly lexicon: CompiledLexicon
  private readonly maxIdf: number

  constructor(index: AskIndex) {
    // An index from another build (a cached search.json of the version before) fails here, where the box shows its failure state.
    if (index.version !== 3) throw new Error(`This ask index is version ${String(index.version)}; this engine reads version 3`)
    this.index = index
    this.docs = index.docs
    this.locale = index.locale
    this.termIds = new Map(index.terms.map((term, id) => [term, id]))
    this.documentFrequency = index.postings.map((entries) => {
      let docs = 0
      entries.forEach((entry, i) => {
        if (i === 0 || entry >= 4) docs++
      })
      return docs
    })
    this.averageLength = index.lengths.map((perDoc) => perDoc.reduce((sum, n) => sum + n, 0) / Math.max(perDoc.length, 1) || 1)
    for (const term of index.terms) {
      if (isConcept(term) || isPaired(term) || term.length < 3) continue
      const list = this.byLength.get(term.length) ?? []
      list.push(term)
      this.byLength.set(term.length, list)
    }
    this.lexicon = index.lexicon
    this.maxIdf = this.idf(0)
  }

  private idf(found: number): number {
    const total = this.docs.length
    return Math.log(1 + (total - found + 0.5) / (found + 0.5))
  }

  private postings(id: number): [number, number][] {
    let list = this.decoded.get(id)
    if (!list) {
      list = []
      let doc = 0
      for (const entry of this.index.postings[id]!) {
        doc += Math.floor(entry / 4)
        list.push([doc, entry % 4])
      }
      this.decoded.set(id, list)
    }
    return list
  }

  /** The index's words a word it does not know may have meant: one edit away (two from seven letters), the commonest first. */
  corrections(term: string): { term: string; edits: number }[] {
    let known = this.corrected.get(term)
    if (!known) this.corrected.set(term, (known = this.findCorrections(term)))
    return known
  }

  private findCorrections(term: string): { term: string; edits: number }[] {
    if (term.length < 4 || /\d/.test(term) || isPaired(term)) return []
    const most = term.length >= 7 ? 2 : 1
    const found: { term: string; edits: number; df: number }[] = []
    for (let length = term.length - most; length <= term.length + most; length++) {
      // Fuse finds the near spellings among the index's words of one length; the edit distance weighs them.
      for (const { item: word } of this.spellingsOfLength(length)?.search(term, { limit: 8 }) ?? []) {
        const edits = swappedPair(term, word) ? 1 : distance(term, word)
        if (edits <= most) found.push({ term: word, edits, df: this.documentFrequency[this.termIds.get(word)!]! })
      }
    }
    return found
      .sort((a, b) => a.edits - b.edits || b.df - a.df)
      .slice(0, 3)
      .map(({ term: word, edits }) => ({ term: word, edits }))
  }

  private spellingsOfLength(length: number): Fuse<string> | undefined {
    const words = this.byLength.get(length)
    if (!words) return undefined
    let fuse = this.fuzzy.get(length)
    if (!fuse) this.fuzzy.set(length, (fuse = new Fuse(words, { threshold: 0.6, ignoreLocation: true, isCaseSensitive: true })))
    return fuse
  }

  /** The question's terms with their weights: known terms by rarity, unknown ones by what they likely are. */
  queryTerms(query: string): { term: string; weight: number; means: { id: number; factor: number }[] }[] {
    // A word that is a stop word misspelled ("dose") is a stop word: never corrected into a topic.
    const whole = new Set<string>()
    const paired: string[][] = []
    const analyzed = analyze(cleanQuery(query), this.locale, this.index.folds, whole, paired)
    // A Japanese or Chinese word whose pairs the index lacks is a word it does not know: the pairs it
    // shares with other words are chance, not a match. A kana word ("ビット" → "びっ", "っと") must be
    // known in every pair, a long word of Han characters in half of them ("手数料率" still meets
    // "手数料"). Korean words keep their pairs: a known stem with an unknown ending is still the stem.
    const known = (split: string[]) => split.filter((pair) => this.termIds.has(pair)).length
    const foreign = paired.filter((split) => {
      const word = split.join('')
      if (kanaOnly.test(word)) return known(split) < split.length
      return hanOnly.test(word) && split.length >= 3 && known(split) * 2 < split.length
    })
    const chance = new Set(foreign.flat().filter((pair) => !paired.some((split) => !foreign.includes(split) && split.includes(pair))))
    const words = analyzed
      .filter((word) => !chance.has(word))
      .flatMap((word) => this.apart(word))
      .filter((word) => this.termIds.has(word) || !this.nearStopWord(word))
    // Concepts are looked for in the words as typed and as corrected ("recuring" → "recurring").
    const corrected = words.map((word) => (this.termIds.has(word) ? word : (this.corrections(word)[0]?.term ?? word)))
    const concepts = new Map<string, number[]>()
    for (const found of [...conceptMatches(words, this.lexicon), ...conceptMatches(corrected, this.lexicon)])
      concepts.set(found.term, [...(concepts.get(found.term) ?? []), ...found.positions])
    // A word the index lacks but the lexicon knows ("money back" for "refund") is carried by its concept.
    const carried = new Set([...concepts.values()].flat().filter((position) => !this.termIds.has(corrected[position]!)))
    const weighed = words.flatMap((term, position) => (carried.has(position) ? [] : [this.weighWord(term, whole.has(term))]))
    // A word the index lacks may still be a lexicon phrase ("カカオT" for ride-hailing): its concept carries it.
    // The phrase's other words the index lacks ("t") go with it.
    const carriedForeign = new Set<string[]>()
    const aloneConcepts = new Set<string>()
    const carriedTerms = new Set<string>()
    for (const { term, positions } of foreign.length ? conceptMatches(analyzed, this.lexicon) : []) {
      for (const split of foreign) {
        const start = findSequence(analyzed, split)
        if (start < 0 || !split.every((_, i) => positions.includes(start + i))) continue
        carriedForeign.add(split)
        aloneConcepts.add(term)
        if (!concepts.has(term)) concepts.set(term, [])
        for (const position of positions) if (!this.termIds.has(analyzed[position]!)) carriedTerms.add(analyzed[position]!)
      }
    }
    const conceptTerms = [...concepts.entries()].flatMap(([term, positions]) => {
      const id = this.termIds.get(term)
      if (id === undefined) return []
      const alone = aloneConcepts.has(term) || positions.some((position) => carried.has(position))
      return [{ term, weight: this.idf(this.documentFrequency[id]!) * (alone ? 1 : conceptWeight), means: [{ id, factor: 1 }] }]
    })
    const unknownWords = foreign
      .filter((split) => !carriedForeign.has(split))
      .map((split) => ({ term: split.join(''), weight: this.maxIdf, means: [] }))
    const seen = new Set<string>()
    return [...weighed.filter(({ term }) => !carriedTerms.has(term)), ...conceptTerms, ...unknownWords].filter(
      ({ term }) => !seen.has(term) && seen.add(term),
    )
  }

  /** Words run together ("howlong", "getarefund") as the index's words; any other word as it is. */
  private apart(word: string): string[] {
    if (word.length < 6 || this.termIds.has(word) || isPaired(word) || /\d/.test(word)) return [word]
    const stops = stopWords[this.locale]
    for (let cut = 2; cut <= word.length - 2; cut++) {
      const halves = [word.slice(0, cut), word.slice(cut)]
      const parts = halves.map((half) => (stops.has(half) ? [] : analyze(half, this.locale, this.index.folds)))
      if (parts.every((terms, i) => stops.has(halves[i]!) || (terms.length === 1 && this.termIds.has(terms[0]!))) && parts.flat().length)
        return parts.flat()
    }
    return [word]
  }

  private nearStopWord(word: string): boolean {
    if (word.length < 4 || isPaired(word)) return false
    for (const stop of stopWords[this.locale]) {
      if (Math.abs(stop.length - word.length) <= 1 && stop.length >= 4 && (swappedPair(word, stop) || distance(word, stop) <= 1))
        return true
    }
    return false
  }

  private weighWord(term: string, wholeWord = false): { term: string; weight: number; means: { id: number; factor: number }[] } {
    const id = this.termIds.get(term)
    const light = lightWords[this.locale].has(term) ? lightWeight : 1
    if (id !== undefined) return { term, weight: light * this.idf(this.documentFrequency[id]!), means: [{ id, factor: 1 }] }
    if (isPaired(term)) return { term, weight: this.maxIdf * (wholeWord ? 1 : unknownPairWeight), means: [] }
    const corrections = this.corrections(term)
    if (!corrections.length) return { term, weight: this.maxIdf * (term.length < 4 ? unknownShortWeight : 1), means: [] }
    // The word weighs what its likeliest correction weighs, and each correction covers it in part.
    const best = this.termIds.get(corrections[0]!.term)!
    return {
      term,
      weight: this.idf(this.documentFrequency[best]!),
      means: corrections.map(({ term: word, edits }) => ({ id: this.termIds.get(word)!, factor: correctionWeight[edits]! })),
    }
  }

  /** Every document that shares a term with the question, by coverage and BM25F. */
  rank(query: string, tuning: AskTuning = defaultTuning, kinds: AskDoc['kind'][] = ['qa', 'guide'], limit = 12): Ranked[] {
    const terms = this.queryTerms(query).slice(0, 30)
    const total = terms.reduce((sum, { weight }) => sum + weight, 0)
    if (!total) return []
    const count = this.docs.length
    // Flat arrays over all documents, touched only where a posting lands: no per-document objects.
    const coverage = new Float64Array(count)
    const bm25 = new Float64Array(count)
    const matchedTerms = new Uint32Array(count)
    const cover = new Float64Array(count)
    const tf = new Float64Array(count)
    const touched: number[] = []
    terms.forEach(({ weight, means }, t) => {
      const reached: number[] = []
      for (const { id, factor } of means) {
        for (const [doc, f] of this.postings(id)) {
          if (cover[doc] === 0 && tf[doc] === 0) reached.push(doc)
          const length = this.index.lengths[f]![doc]! / this.averageLength[f]!
          tf[doc] += (factor * fieldWeight[f]!) / (1 - fieldLengthDamping[f]! + fieldLengthDamping[f]! * length)
          cover[doc] = Math.max(cover[doc]!, factor * fieldCoverage[f]!)
        }
      }
      for (const doc of reached) {
        if (matchedTerms[doc] === 0) touched.push(doc)
        coverage[doc] += (weight * cover[doc]!) / total
        bm25[doc] += (weight * (tf[doc]! * (k1 + 1))) / (tf[doc]! + k1) / total
        matchedTerms[doc] |= 1 << t
        cover[doc] = 0
        tf[doc] = 0
      }
    })
    const ranked = touched
      .filter((doc) => kinds.includes(this.docs[doc]!.kind))
      .map((doc) => ({ doc, coverage: coverage[doc]!, score: coverage[doc]! + tuning.bm25 * bm25[doc]! }))
      .sort((a, b) => b.score - a.score || b.coverage - a.coverage)
      .slice(0, limit)
    // The words each listed document matched: the question's terms and the index words they stand for.
    return ranked.map((entry) => {
      const matched = new Set<string>()
      terms.forEach(({ term, means }, t) => {
        if (!(matchedTerms[entry.doc]! & (1 << t))) return
        matched.add(term)
        for (const { id } of means) matched.add(this.index.terms[id]!)
      })
      return { ...entry, matched }
    })
  }

  /** Splits a title into parts, marking the words the question matched (for highlighting). */
  highlight(title: string, matched: Set<string>): { text: string; hit: boolean }[] {
    const parts: { text: string; hit: boolean }[] = []
    for (const { segment, isWordLike } of segmenter(this.locale).segment(title)) {
      const hit =
        Boolean(isWordLike) && termsWithConcepts(segment, this.locale, this.index.folds, this.lexicon).some((term) => matched.has(term))
      const last = parts.at(-1)
      if (last && last.hit === hit) last.text += segment
      else parts.push({ text: segment, hit })
    }
    return parts
  }
}

/** Whether two words differ only by two neighbouring letters swapped ("lnog", "long"): one typo, which edit distance counts as two. */
export function swappedPair(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false
  const at = [...a].findIndex((char, i) => char !== b[i])
  return a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2)
}
