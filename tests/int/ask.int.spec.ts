import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { askerFor } from '../../scripts/lib/ask'
import { runCenter } from '../helpers/center'
import { contentSnapshot } from '../helpers/contentSnapshots'
import { releaseTestDatabase, useTestDatabase } from '../helpers/database'

const database = useTestDatabase('ask')
const { env } = database

beforeAll(async () => {
  expect((await runCenter(['seed'], env)).code).toBe(0)
})
afterAll(() => releaseTestDatabase(database))

describe('center ask', () => {
  test('prints, as JSON, the same answer the ask box gives for the published content', async () => {
    const question = '退款多久到账'
    const run = await runCenter(['ask', '--tenant', 'lumopay', '--locale', 'zh-Hans', question], env)
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout)
    const { answer: _shown, ...island } = askerFor(contentSnapshot('lumopay'), 'zh-Hans')(question)
    expect(printed).toEqual(island)
    expect(printed.match).toBe('refund-time')
  })

  test('a question it cannot answer prints match null with its best confidence', async () => {
    const run = await runCenter(['ask', '--tenant', 'hoshi', '--locale', 'ko', '맛집 추천해 주세요'], env)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ match: null, alternatives: [] })
  })

  test('a locale the MPP does not offer, or no question, fails saying what is missing', async () => {
    const wrongLocale = await runCenter(['ask', '--tenant', 'hoshi', '--locale', 'ar', 'refund'], env)
    expect(wrongLocale.code).not.toBe(0)
    expect(wrongLocale.stderr).toContain('hoshi has no locale "ar"')
    const noQuestion = await runCenter(['ask', '--tenant', 'hoshi', '--locale', 'en'], env)
    expect(noQuestion.code).not.toBe(0)
    expect(noQuestion.stderr).toContain('center ask needs a question')
  })
})
