import { describe, expect, test } from 'vitest'

import { popularityScores } from '../../cms/ask/popularity'
import { groupQuestions } from '../../cms/ask/unanswered'
import { parseFeedback } from '../../cms/collections/Feedback/endpoints/feedback'
import { popularQas } from '../../site/src/lib/content'
import { feedbackFor } from '../../site/src/lib/feedback'

const now = new Date('2026-11-26T00:00:00.000Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()

describe('popularity from feedback', () => {
  test('views count one, helpful votes three, unhelpful votes take two away, and a Q&A never goes below zero', () => {
    const scores = popularityScores(
      [
        { qa: 1, kind: 'view', createdAt: daysAgo(0) },
        { qa: 1, kind: 'helpful', createdAt: daysAgo(0) },
        { qa: 2, kind: 'view', createdAt: daysAgo(0) },
        { qa: 2, kind: 'unhelpful', createdAt: daysAgo(0) },
      ],
      now,
    )
    expect(scores).toEqual([
      { qa: 1, score: 4, views: 1, helpful: 1, unhelpful: 0 },
      { qa: 2, score: 0, views: 1, helpful: 0, unhelpful: 1 },
    ])
  })

  test('an event two weeks old counts half, so recent interest overtakes old interest', () => {
    const [old, recent] = popularityScores(
      [
        { qa: 'old', kind: 'helpful', createdAt: daysAgo(14) },
        { qa: 'old', kind: 'helpful', createdAt: daysAgo(14) },
        { qa: 'recent', kind: 'helpful', createdAt: daysAgo(0) },
        { qa: 'recent', kind: 'view', createdAt: daysAgo(0) },
      ],
      now,
    )
    expect(old!.score).toBe(3)
    expect(recent!.score).toBe(4)
  })

  test("pinned Q&As come first, then the most popular, then the MPP's order", () => {
    const qas = [
      { slug: 'a', order: 1, pinned: false, popularity: 0 },
      { slug: 'b', order: 2, pinned: false, popularity: 5 },
      { slug: 'c', order: 3, pinned: true, popularity: 0 },
      { slug: 'd', order: 4, pinned: false, popularity: 9 },
    ]
    expect(popularQas(qas, 4).map((qa) => qa.slug)).toEqual(['c', 'd', 'b', 'a'])
  })
})

describe('unanswered questions', () => {
  test('alike questions group per locale, most asked first, under their most common wording', () => {
    const groups = groupQuestions([
      { query: 'pay with apple pay', locale: 'en', kind: 'unanswered' },
      { query: 'Can I pay with Apple Pay?', locale: 'en', kind: 'unhelpful' },
      { query: 'pay with apple pay', locale: 'en', kind: 'unanswered' },
      { query: 'crypto wallet top up', locale: 'en', kind: 'unanswered' },
      { query: 'アップルペイで払える', locale: 'ja', kind: 'unanswered' },
      { query: 'アップルペイ使える？', locale: 'ja', kind: 'unanswered' },
    ])
    expect(groups.map(({ query, locale, count, unanswered, unhelpful }) => ({ query, locale, count, unanswered, unhelpful }))).toEqual([
      { query: 'pay with apple pay', locale: 'en', count: 3, unanswered: 2, unhelpful: 1 },
      { query: 'アップルペイで払える', locale: 'ja', count: 2, unanswered: 2, unhelpful: 0 },
      { query: 'crypto wallet top up', locale: 'en', count: 1, unanswered: 1, unhelpful: 0 },
    ])
    expect(groups[0]!.wordings).toEqual(['pay with apple pay', 'Can I pay with Apple Pay?'])
  })
})

describe('feedback bodies', () => {
  test('the ask box reports an answer shown with its Q&A and confidence, and a question it could not answer without one', () => {
    const answered = { match: 'refund-time', score: 0.8, alternatives: [] }
    expect(feedbackFor('lumopay', 'en', ' how long\u0000 refund ', answered)).toEqual({
      tenant: 'lumopay',
      locale: 'en',
      kind: 'view',
      query: 'how long refund',
      qa: 'refund-time',
      score: 0.8,
    })
    expect(feedbackFor('lumopay', 'en', 'refund', answered, 'unhelpful').kind).toBe('unhelpful')
    expect(feedbackFor('lumopay', 'en', 'weather', { match: null, score: 0.2, alternatives: [] })).toEqual({
      tenant: 'lumopay',
      locale: 'en',
      kind: 'unanswered',
      query: 'weather',
    })
  })

  test('what the island sends is what the endpoint accepts, and a vote without its Q&A is refused with the reason', () => {
    const body = feedbackFor('lumopay', 'en', 'refund', { match: 'refund-time', score: 1, alternatives: [] }, 'helpful')
    expect(parseFeedback(JSON.stringify(body))).toEqual({ data: body })
    expect(parseFeedback(JSON.stringify({ ...body, qa: undefined }))).toEqual({
      problem: expect.stringContaining('qa names the answer shown'),
    })
    expect(parseFeedback('\u0000\u00ff')).toEqual({ problem: 'The body must be JSON.' })
  })
})
