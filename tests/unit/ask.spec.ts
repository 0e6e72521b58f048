import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

import { rootDir } from '../../cms/env'
import { analyze, AskEngine, asker, buildAskIndex, cleanQuery, maxQueryLength, swappedPair, type IndexSource } from '../../content/ask'
import { chineseFolds } from '../../content/ask/chineseFolds'
import { lexiconFor } from '../../content/ask/lexicon'
import { readSnapshots } from '../../content/files'
import type { Locale } from '../../content/schema'
import { askerFor, evaluateAsk, readCases, type AskFigures } from '../../scripts/lib/ask'

const snapshots = readSnapshots()
const snapshot = (slug: string) => snapshots.find((s) => s.tenant.slug === slug)!
const demo = ['lumopay', 'hoshi', 'nakhla']

/** A one-document index, to see what a text matches. */
function tiny(locale: Locale, docs: Partial<IndexSource>[]) {
  const sources = docs.map((doc, i) => ({
    kind: 'qa' as const,
    slug: `d${i}`,
    url: `/d${i}/`,
    title: '',
    phrasings: [],
    keywords: [],
    body: '',
    ...doc,
  }))
  const folds = chineseFolds(sources.flatMap((s) => [s.title, s.body]))
  return new AskEngine(JSON.parse(JSON.stringify(buildAskIndex(sources, locale, folds, lexiconFor(locale)))))
}

describe('the analyzer, the same at build time and in the browser', () => {
  test('questions are cleaned before matching and storing: control characters dropped, spaces collapsed, long text cut', () => {
    expect(cleanQuery('  how\u0000 long\u200b\n\tdoes a\u202e refund take  ')).toBe('how long does a refund take')
    expect(cleanQuery('ｒｅｆｕｎｄ')).toBe('refund')
    expect(cleanQuery('x'.repeat(10_000))).toHaveLength(maxQueryLength)
    expect(cleanQuery('\u0001\u0002 \u0003')).toBe('')
  })

  test('Arabic: a fully vowelled word is the bare word, and alef, ya and ta marbuta forms fold', () => {
    expect(analyze('مَتَى يَصِلُ الْمَبْلَغُ الْمُسْتَرَدُّ', 'ar')).toEqual(analyze('متى يصل المبلغ المسترد', 'ar'))
    expect(analyze('الإيصال', 'ar')).toEqual(analyze('ايصال', 'ar'))
    expect(analyze('فاتورة', 'ar')).toEqual(analyze('فاتوره', 'ar'))
    expect(analyze('مـــبلغ', 'ar')).toEqual(analyze('مبلغ', 'ar'))
  })

  test('Japanese: katakana and hiragana, full and half width, are one word; particles weigh nothing', () => {
    expect(analyze('ペイ', 'ja')).toEqual(analyze('ぺい', 'ja'))
    expect(analyze('ﾚｰﾄ', 'ja')).toEqual(analyze('レート', 'ja'))
    expect(analyze('返金にはどのくらい時間がかかりますか', 'ja')).toEqual(expect.arrayContaining(['返金', '時間']))
    expect(analyze('返金にはどのくらい時間がかかりますか', 'ja')).not.toEqual(expect.arrayContaining(['は']))
  })

  test('Chinese: simplified and traditional forms meet through the folds built from the MPP’s text', () => {
    const folds = chineseFolds(['退款到账户需要多长时间'])
    expect(analyze('退款到賬戶', 'zh-Hant', folds)).toEqual(analyze('退款到账户', 'zh-Hans', folds))
    // A Cantonese particle is grammar, not topic.
    expect(analyze('點樣退款呀', 'zh-Hant', folds)).toEqual(['退款'])
  })

  test('Korean: particles and endings come off the word', () => {
    expect(analyze('환불은', 'ko')).toEqual(analyze('환불', 'ko'))
    expect(analyze('결제 취소했는데요', 'ko')).toEqual(['결제', '취소'])
    // A second ending comes off only when two syllables stay: "필요해요" is not "필".
    expect(analyze('영수증 필요해요', 'ko')).toEqual(analyze('영수증', 'ko'))
  })

  test('Korean: the misspellings everyone makes are read as the word meant', () => {
    expect(analyze('결재가 안돼요', 'ko')).toEqual(analyze('결제가 안돼요', 'ko'))
    expect(analyze('결제 취소 됬어요', 'ko')).toEqual(analyze('결제 취소 됐어요', 'ko'))
    expect(analyze('결제가 않돼요', 'ko')).toEqual(analyze('결제가 안돼요', 'ko'))
  })

  test('English: a contraction is one word as users type it, not a stray letter', () => {
    expect(analyze("the site didn't take me back", 'en')).toEqual(analyze('the site didnt take me back', 'en'))
    expect(analyze("it's pending", 'en')).toEqual(analyze('pending', 'en'))
  })

  test('Thai: words stay whole with their marks, and a Thai question finds a Thai answer', () => {
    const terms = analyze('คืนเงินใช้เวลากี่วันครับ', 'th')
    expect(terms).toContain('คืน')
    expect(terms).toContain('เงิน')
    expect(terms.every((term) => !/^\p{M}/u.test(term))).toBe(true)
    expect(terms).not.toContain('ครับ')
    const engine = tiny('th', [{ title: 'ได้เงินคืนภายในกี่วัน' }, { title: 'สแกนจ่ายที่ร้านค้าอย่างไร' }])
    expect(asker(engine)('คืนเงินกี่วันครับ').match).toBe('d0')
  })

  test('Latin scripts: case, diacritics and plural endings fold; stop words are left out', () => {
    expect(analyze('Refunds', 'en')).toEqual(analyze('refund', 'en'))
    expect(analyze('hoàn tiền', 'vi')).toEqual(analyze('hoan tien', 'vi'))
    expect(analyze('could you tell me if I get my refund', 'en')).toEqual(['refund'])
  })

  test('two neighbouring letters swapped are one typo', () => {
    expect(swappedPair('lnog', 'long')).toBe(true)
    expect(swappedPair('dose', 'does')).toBe(true)
    expect(swappedPair('long', 'long')).toBe(false)
    expect(swappedPair('tell', 'till')).toBe(false)
  })
})

test('the analyzer and engine parse in older iOS webviews: no lookbehind in their regular expressions', () => {
  const dir = join(import.meta.dirname, '..', '..', 'content', 'ask')
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts')))
    expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/\(\?<[=!]/)
})

describe('the payments lexicon and words the index lacks', () => {
  test('a katakana name the Q&As never use is carried by its lexicon concept, not counted against the question', () => {
    const engine = tiny('ja', [{ title: 'タクシーアプリで払えますか' }, { title: '海外のどこで使えますか' }])
    const terms = engine.queryTerms('カカオTで払える？').map(({ term }) => term)
    expect(terms).toContain('~rideHailing')
    expect(terms).not.toContain('かかかお')
    expect(terms).not.toContain('t')
    expect(engine.rank('カカオTで払える？').map(({ doc }) => engine.docs[doc]!.slug)).toEqual(['d0'])
  })
})

describe('spelling correction', () => {
  const engine = tiny('en', [{ title: 'How long does a refund take?' }, { title: 'Where can I pay with the wallet?' }])

  test('only a word the index does not know is corrected, into words the index has, never into a stop word', () => {
    expect(engine.corrections('refnd').map((c) => c.term)).toEqual(['refund'])
    expect(engine.corrections('refund')).toEqual([{ term: 'refund', edits: 0 }])
    expect(engine.corrections('shuold')).toEqual([])
    expect(engine.corrections('zzzzzz')).toEqual([])
  })

  test('a misspelled, run-together or mixed-script question still finds its Q&A', () => {
    const en = askerFor(snapshot('lumopay'), 'en')
    expect(en('how long dose a refnd take').match).toBe('refund-time')
    expect(en('how lnog dose a refnd take').match).toBe('refund-time')
    expect(askerFor(snapshot('lumopay'), 'zh-Hans')('退款多久到账').match).toBe('refund-time')
    expect(askerFor(snapshot('hoshi'), 'ja')('返金はいつ戻る').match).toBe('refund-time')
  })
})

describe('what the ask box answers', () => {
  test('when sure: one answer and at most two others beside it, none of them the answer itself', () => {
    const result = askerFor(snapshot('lumopay'), 'en')('how long does a refund take')
    expect(result.match).toBe('refund-time')
    expect(result.alternatives.length).toBeLessThanOrEqual(2)
    expect(result.alternatives.map((a) => a.match)).not.toContain(result.match)
  })

  test('the everyday words of the payments lexicon find the Q&A that uses the editors’ word', () => {
    const engine = tiny('en', [{ title: 'How long does a refund take?' }, { title: 'How do I cancel an auto-debit?' }])
    expect(asker(engine)('money back how long').match).toBe('d0')
    expect(asker(engine)('stop my subscription').match).toBe('d1')
  })

  test('going offline, weekends and payment history are everyday words too', () => {
    const engine = tiny('en', [
      { title: 'Can I pay with no internet?' },
      { title: 'Is the rate different at the weekend?' },
      { title: 'Where do I see my transaction history?' },
    ])
    expect(asker(engine)('no signal here, can i pay?').match).toBe('d0')
    expect(asker(engine)('rate on saturday').match).toBe('d1')
    expect(asker(engine)('where are my past payments').match).toBe('d2')
  })

  test('a Japanese loanword the MPP never uses is not matched through the kana pairs it shares with other words', () => {
    // "ビットコイン" shares "っと" with "ネット" and "いん" with "インターネット": chance, not a match.
    const engine = tiny('ja', [
      { title: 'インターネットがなくても払えますか？', body: 'ネットにつながらない場所でも、支払いコードは表示できます。' },
    ])
    const words = engine.queryTerms('ビットコイン').map(({ term, means }) => ({ term, matches: means.length }))
    expect(words.filter(({ matches }) => matches > 0)).toEqual([])
    expect(asker(engine)('ビットコインは使える？').match).toBeNull()
    expect(asker(engine)('インターネットなしで払える？').match).toBe('d0')
  })

  test('an out-of-scope, empty or unprintable question gets no answer and no suggestion', () => {
    const en = askerFor(snapshot('lumopay'), 'en')
    for (const query of ['recipe for chocolate cake', '', '   ', '<>!?', '\u0000\u0001', '😀😀😀']) {
      expect(en(query), query).toMatchObject({ match: null, alternatives: [] })
    }
  })

  test('hostile input is bounded and inert: a 10,000-character paste, HTML, SQL and bidi overrides', () => {
    const en = askerFor(snapshot('lumopay'), 'en')
    const inputs = [
      'refund '.repeat(1500),
      '<script>alert(1)</script> refund',
      "refund'; DROP TABLE qas; --",
      '\u202erefund\u202c time',
      'a'.repeat(10_000),
    ]
    for (const query of inputs) {
      const result = en(query)
      expect(result.score).toBeGreaterThanOrEqual(0)
      expect(JSON.stringify(result)).not.toContain('<script>')
    }
    expect(en('\u202erefund\u202c time').match).toBe(en('refund time').match)
  })

  test('a locale the MPP does not offer is refused with its locales named', () => {
    expect(() => askerFor(snapshot('lumopay'), 'ja')).toThrow(/en, zh-Hant, zh-Hans/)
  })
})

/**
 * Floors per locale on the blind set's held-out half (tests/fixtures/ask-eval-blind, never tuned
 * on), a few points under what `center ask --eval … --half heldout` measured; the figures are in
 * docs/ask.md. A per-locale floor keeps one weak locale from hiding behind its MPP's average.
 */
const heldOutFloors = { top1: 0.5, shown: 0.8, confidentWrong: 0.25, refused: 0.8 }

describe('the ask box on the blind evaluation set', () => {
  const figures: AskFigures[] = demo.flatMap((slug) =>
    evaluateAsk(
      snapshot(slug),
      readCases(join(rootDir, 'tests', 'fixtures', 'ask-eval-blind', `${slug}.jsonl`)).filter((c) => c.half === 'heldout'),
    ),
  )

  test('every demo MPP and locale has held-out questions, in scope and out of it, naming Q&As that exist', () => {
    for (const slug of demo) {
      const cases = readCases(join(rootDir, 'tests', 'fixtures', 'ask-eval-blind', `${slug}.jsonl`))
      const qas = new Set(snapshot(slug).qas.map((qa) => qa.slug))
      expect(cases.filter((c) => c.expected !== null && !qas.has(c.expected))).toEqual([])
      for (const locale of snapshot(slug).tenant.locales) {
        const mine = cases.filter((c) => c.locale === locale)
        expect(mine.length, `${slug} ${locale}`).toBeGreaterThanOrEqual(60)
        expect(mine.some((c) => c.half === 'heldout' && c.expected === null)).toBe(true)
      }
    }
  })

  test.each(demo.flatMap((slug) => snapshot(slug).tenant.locales.map((locale) => [slug, locale] as const)))(
    '%s %s: held-out top-1, shown, confident-wrong and refusal stay within their floors',
    (slug, locale) => {
      const mine = figures.find((f) => f.tenant === slug && f.locale === locale)!
      expect(mine.top1).toBeGreaterThanOrEqual(heldOutFloors.top1)
      expect(mine.shown).toBeGreaterThanOrEqual(heldOutFloors.shown)
      expect(mine.confidentWrong).toBeLessThanOrEqual(heldOutFloors.confidentWrong)
      expect(mine.refused).toBeGreaterThanOrEqual(heldOutFloors.refused)
    },
  )
})
