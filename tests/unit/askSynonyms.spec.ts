import { describe, expect, test } from 'vitest'

import { asker, type AskIndex } from '../../content/ask'
import { parseSnapshot, type Locale, type Snapshot, type SynonymGroup } from '../../content/schema'
import { searchFile } from '../../site/src/lib/searchIndex'
import { contentSnapshot } from '../helpers/contentSnapshots'

const lumopay = contentSnapshot('lumopay')

/** A demo MPP's snapshot with its editors' lexicon groups, read through the snapshot schema as the build reads it. */
const withSynonyms = (synonyms: SynonymGroup[]): Snapshot => parseSnapshot({ ...lumopay, synonyms }, 'lumopay with synonyms')

/** What the ask box answers from the index the build ships for this snapshot and locale. */
function ask(snapshot: Snapshot, locale: Locale, question: string) {
  return asker(JSON.parse(JSON.stringify(searchFile(snapshot, locale))) as AskIndex)(question)
}

describe("an MPP's own words in the ask box", () => {
  // Muvmi is a Bangkok ride app that no built-in group knows.
  const question = 'Can I pay for my Muvmi with it?'

  test('without a group, a question naming a local ride app gets no answer', () => {
    expect(ask(lumopay, 'en', question).match).toBeNull()
  })

  test("a group joining the built-in ride-hailing words answers it with the MPP's taxi Q&A", () => {
    const snapshot = withSynonyms([{ locale: 'en', concept: 'rideHailing', phrases: ['Muvmi'] }])
    expect(ask(snapshot, 'en', question)).toMatchObject({
      match: 'pay-taxis-and-transit',
      url: '/lumopay/en/qas/paying/pay-taxis-and-transit/',
    })
  })

  test('a group of its own makes its phrases find each other', () => {
    const snapshot = withSynonyms([{ locale: 'en', phrases: ['muvmi', 'taxi'] }])
    expect(ask(snapshot, 'en', question).match).toBe('pay-taxis-and-transit')
  })

  test("a group in another locale leaves this locale's ask box as it was", () => {
    const snapshot = withSynonyms([{ locale: 'zh-Hant', concept: 'rideHailing', phrases: ['Muvmi'] }])
    expect(ask(snapshot, 'en', question).match).toBeNull()
    expect(ask(snapshot, 'zh-Hant', 'Muvmi 可以用嗎').match).toBe('pay-taxis-and-transit')
  })

  test('a brand written in traditional characters is found when typed in simplified ones', () => {
    // 飛龍 ("Flying Dragon", a made-up ride app): 龍 appears nowhere in lumopay's own text.
    const snapshot = withSynonyms([{ locale: 'zh-Hant', concept: 'rideHailing', phrases: ['飛龍'] }])
    expect(ask(snapshot, 'zh-Hant', '飞龙').match).toBe('pay-taxis-and-transit')
  })

  test('a snapshot without synonyms, as content/tenants has them, reads as having none', () => {
    expect(lumopay.synonyms).toEqual([])
  })
})
