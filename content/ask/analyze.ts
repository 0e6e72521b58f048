import type { Locale } from '../schema'
import { stopWords } from './stopWords'

/** The longest question the ask box matches, sends or stores; longer input is cut, not refused. */
export const maxQueryLength = 200

/** Control characters (C0, DEL, C1), zero-width and bidi overrides: never part of a question, and unsafe to store. */
const controlChars = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/g

/** A question as the ask box, `center ask` and the feedback endpoint take it: NFKC, control characters dropped, spaces collapsed, cut to maxQueryLength. */
export const cleanQuery = (text: string): string =>
  text.normalize('NFKC').replace(controlChars, ' ').replace(/\s+/g, ' ').trim().slice(0, maxQueryLength).trim()

/**
 * Traditional Chinese characters (and variants) folded to one form for matching, built from the
 * tenant's own text at build time (content/ask/chineseFolds.ts) and shipped with the index, so the
 * browser needs no conversion tables.
 */
export type HanFolds = Record<string, string>

/** Han, kana and Hangul: scripts whose words are found by Intl.Segmenter and matched by character pairs. */
const pairedScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]/u
const thaiScript = /\p{Script=Thai}/u
const latinScript = /\p{Script=Latin}/u
/** An apostrophe between two Latin letters (no lookbehind: older iOS webviews cannot parse one). */
const latinApostrophe = /(\p{Script=Latin})['’](?=\p{Script=Latin})/gu
const arabicScript = /\p{Script=Arabic}/u

/** Arabic short vowels, Quranic marks and the tatweel: removed before the text is split, so a vowelled word stays one word. */
const arabicMarks = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g
const arabicLetters: [RegExp, string][] = [
  [/[أإآٱ]/g, 'ا'],
  [/ى/g, 'ي'],
  [/ة/g, 'ه'],
  [/ؤ/g, 'و'],
  [/ئ/g, 'ي'],
]
/** The article and the particles joined to an Arabic word ("والخصم" → "خصم"), dropped when three letters or more are left. */
const arabicPrefix = /^(?:وال|بال|فال|كال|لل|ال)(?=\p{L}{3})/u

/** Katakana folded into hiragana, so "ペイ" and "ぺい" are one word. */
const katakana = /[\u30a1-\u30f6]/g
const toHiragana = (text: string) => text.replace(katakana, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60))

/** Korean particles and endings attached to a word, longest first: "환불은" → "환불", "결제했는데" → "결제". */
const koreanEndings =
  /(?:했었는데|하려면|하려고|하는데|했는데|했어요|했나요|하나요|되나요|됐나요|됐어요|하는법|는법|하는지|하면|해야|해요|해도|했다|하고|하는|되는|되면|됐는데|입니까|인가요|인데요|인데|이에요|예요|에서는|으로는|에게서|에서|에게|한테|까지|부터|으로|처럼|보다|이나|이랑|랑|은|는|이|가|을|를|에|로|도|만|의|와|과|요|나|서|야|죠|지)$/u

/**
 * A Korean word without its particles and endings (two at most: "취소했는데요" → "취소"). The
 * second keeps two syllables at least: "필요해요" is "필요", not "필".
 */
function koreanStem(word: string): string {
  let stem = word
  for (let i = 0; i < 2; i++) {
    const shorter = stem.replace(koreanEndings, '')
    if (!shorter || shorter === stem || (i > 0 && shorter.length < 2)) break
    stem = shorter
  }
  return stem
}

/** Misspellings every Korean writer makes, read as the word meant: 결재 (approval) for 결제 (payment), 됬 for 됐, 않돼 for 안 돼. */
const koreanMisspellings: [RegExp, string][] = [
  [/결재/g, '결제'],
  [/됬/g, '됐'],
  [/않(?=[돼되])/g, '안'],
  [/몇일/g, '며칠'],
]
const hangul = /\p{Script=Hangul}/u

/** Light stemming for the Latin-script locales: plural and verb endings, and Malay/Indonesian enclitics. */
function stemLatin(word: string, locale: Locale): string {
  if (locale === 'id' || locale === 'ms') return word.length > 5 ? word.replace(/(?:nya|kah|lah)$/, '') : word
  if (locale !== 'en' && locale !== 'fil') return word
  let stem = word.replace(/'s$/, '')
  if (stem.length > 4 && stem.endsWith('ies')) stem = stem.slice(0, -3) + 'y'
  else if (stem.length > 4 && /(?:ss|[sxz]|ch|sh)es$/.test(stem)) stem = stem.slice(0, -2)
  else if (stem.length > 3 && /[^su]s$/.test(stem)) stem = stem.slice(0, -1)
  if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3)
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2)
  if (stem.length > 4 && stem.endsWith('e')) stem = stem.slice(0, -1)
  return stem
}

/** Overlapping character pairs of a word ("手数料" → 手数, 数料); a word of one or two characters stays itself. */
function pairs(word: string): string[] {
  const chars = [...word]
  if (chars.length <= 2) return [word]
  return chars.slice(1).map((char, i) => chars[i] + char)
}

const segmenters = new Map<string, Intl.Segmenter>()
/** One word segmenter per locale: ICU's dictionaries find Chinese, Japanese and Thai words whatever the locale. */
export function segmenter(locale: Locale): Intl.Segmenter {
  let found = segmenters.get(locale)
  if (!found) segmenters.set(locale, (found = new Intl.Segmenter(locale, { granularity: 'word' })))
  return found
}

/** Text folded before it is split: NFKC, lower case, control characters dropped, Arabic marks removed and letters folded. */
export function foldText(text: string): string {
  let folded = text.normalize('NFKC').toLowerCase().replace(controlChars, ' ')
  // "didn't" is "didnt", as users type it, not "didn" and a stray "t".
  if (latinScript.test(folded)) folded = folded.replace(latinApostrophe, '$1')
  if (hangul.test(folded)) folded = koreanMisspellings.reduce((out, [from, to]) => out.replace(from, to), folded)
  if (arabicScript.test(folded)) folded = arabicLetters.reduce((out, [from, to]) => out.replace(from, to), folded.replace(arabicMarks, ''))
  return folded
}

/** Kana and Han folded, after segmentation (ICU finds katakana loanwords as words only in katakana). */
function foldScript(word: string, folds: HanFolds): string {
  const kana = toHiragana(word)
  return /\p{Script=Han}/u.test(kana) ? [...kana].map((char) => folds[char] ?? char).join('') : kana
}

/** A word of a spaced script as matched: Latin diacritics removed and stemmed, Arabic without its article. */
function spacedTerm(word: string, locale: Locale): string {
  if (arabicScript.test(word)) return word.replace(arabicPrefix, '')
  if (latinScript.test(word)) {
    const bare = word
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/đ/g, 'd')
    return stemLatin(bare, locale)
  }
  return word
}

const singleKana = /^[\p{Script=Hiragana}\p{Script=Katakana}ー]$/u

/**
 * Segments with runs of single kana joined: ICU splits a word it does not know in hiragana
 * ("ぺい" for "ペイ") into letters; two or more of them in a row that are not particles are one word.
 */
function* kanaRuns(segments: Intl.Segments, stops: Set<string>): Generator<{ segment: string; isWordLike: boolean }> {
  let run = ''
  const joinable = (segment: string, isWordLike?: boolean) =>
    Boolean(isWordLike) && singleKana.test(segment) && !stops.has(toHiragana(segment))
  for (const { segment, isWordLike } of segments) {
    if (joinable(segment, isWordLike)) {
      run += segment
      continue
    }
    if (run) yield { segment: run, isWordLike: true }
    run = ''
    yield { segment, isWordLike: Boolean(isWordLike) }
  }
  if (run) yield { segment: run, isWordLike: true }
}

/**
 * The terms a text is matched on, the same for the index (at build time) and the question (in the
 * browser): words for spaced scripts, Intl.Segmenter words for Thai, and character pairs inside
 * each segmented word for Chinese, Japanese and Korean (so "手数料" still meets "手数料率", and a
 * pair never straddles two words). Stop words and grammatical endings are left out: they say
 * nothing about which Q&A is meant. Vietnamese, whose words are spaced syllables, also gets each
 * pair of neighbouring syllables ("hoan tien" → "hoan_tien"). `wholeWords` collects the CJK
 * words short enough to be one term, which are words, not pairs that may straddle two;
 * `pairedWords` collects the pairs of each longer one, word by word.
 */
export function analyze(text: string, locale: Locale, folds: HanFolds = {}, wholeWords?: Set<string>, pairedWords?: string[][]): string[] {
  const folded = foldText(text)
  const stops = stopWords[locale]
  const terms: string[] = []
  let previous: string | null = null
  for (const { segment, isWordLike } of kanaRuns(segmenter(locale).segment(folded), stops)) {
    if (!isWordLike) {
      if (/\S/.test(segment)) previous = null
      continue
    }
    for (const [part] of segment.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      if (pairedScript.test(part)) {
        previous = null
        const script = foldScript(part, folds)
        const word = hangul.test(script) && script.length > 1 ? koreanStem(script) : script
        if (stops.has(word) || stops.has(script) || stops.has(toHiragana(part))) continue
        const split = pairs(word)
        if (split.length === 1) wholeWords?.add(word)
        else pairedWords?.push(split)
        terms.push(...split)
      } else if (thaiScript.test(part)) {
        previous = null
        if (!stops.has(part)) terms.push(part)
      } else {
        const term = spacedTerm(part, locale)
        if (!term || stops.has(term) || stops.has(part)) {
          previous = null
          continue
        }
        if (locale === 'vi' && previous) terms.push(`${previous}_${term}`)
        terms.push(term)
        previous = term
      }
    }
  }
  return terms
}

/** Whether a term comes from a script matched by character pairs (a pair unknown to the index most often straddles two words). */
export const isPaired = (term: string): boolean => pairedScript.test(term)
