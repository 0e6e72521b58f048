import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { askerFor } from '../../scripts/lib/ask'
import { runCenter } from '../helpers/center'
import { contentSnapshot } from '../helpers/contentSnapshots'
import { copySeededTemplate, releaseTestDatabase, useTestDatabase } from '../helpers/database'

const database = useTestDatabase('ask')
const { env } = database
const scratch = mkdtempSync(join(tmpdir(), 'center-ask-'))

beforeAll(async () => {
  // The run's template is what `center seed` writes; without one (MongoDB), seed here.
  if (!copySeededTemplate()) expect((await runCenter(['seed'], env)).code).toBe(0)
}, 300_000)
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
  return releaseTestDatabase(database)
})

describe('center ask', () => {
  test('prints, as JSON, the same answer the ask box gives for the published content', async () => {
    const question = '退款多久到账'
    const run = await runCenter(['ask', '--tenant', 'lumopay', '--locale', 'zh-Hans', question], env)
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout)
    expect(printed).toEqual(askerFor(contentSnapshot('lumopay'), 'zh-Hans')(question))
    expect(printed.match).toBe('refund-time')
  })

  test('a question it cannot answer prints match null with nothing to show', async () => {
    const run = await runCenter(['ask', '--tenant', 'hoshi', '--locale', 'ko', '맛집 추천해 주세요'], env)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ match: null, alternatives: [] })
  })

  test('- reads one question per line on stdin and prints one JSON line for each, in order', async () => {
    const questions = ['how long does a refund take', 'recipe for chocolate cake', '', 'how lnog dose a refnd take']
    const run = await runCenter(['ask', '--tenant', 'lumopay', '--locale', 'en', '-'], env, questions.join('\n') + '\n')
    expect(run.code, run.stderr).toBe(0)
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    const island = askerFor(contentSnapshot('lumopay'), 'en')
    expect(lines).toEqual(questions.map((question) => island(question)))
    expect(lines[0].match).toBe('refund-time')
    expect(lines[1].match).toBeNull()
  })

  test('--eval scores a JSON-lines file per MPP and locale, and names a bad line', async () => {
    const file = join(scratch, 'cases.jsonl')
    writeFileSync(
      file,
      [
        { tenant: 'lumopay', locale: 'en', query: 'how long does a refund take', expected: 'refund-time' },
        { tenant: 'lumopay', locale: 'en', query: 'recipe for chocolate cake', expected: null },
        { tenant: 'hoshi', locale: 'ja', query: '返金はいつ戻る', expected: 'refund-time' },
      ]
        .map((c) => JSON.stringify(c))
        .join('\n'),
    )
    const run = await runCenter(['ask', '--eval', file, '--json'], env)
    expect(run.code, run.stderr).toBe(0)
    const figures = JSON.parse(run.stdout) as { tenant: string; locale: string; inScope: number; top1: number; refused: number }[]
    expect(figures.map((f) => `${f.tenant} ${f.locale} ${f.inScope} ${f.top1} ${f.refused}`)).toEqual([
      'lumopay en 1 1 1',
      'hoshi ja 1 1 1',
    ])
    const table = await runCenter(['ask', '--eval', file], env)
    expect(table.stdout).toMatch(/^MPP\s+locale\s+in\s+top-1\s+shown\s+wrong\s+out\s+refused/)
    writeFileSync(file, '{"tenant":"lumopay","locale":"en","query":"x","expected":null}\nnot json\n')
    const bad = await runCenter(['ask', '--eval', file], env)
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toContain('cases.jsonl:2 is not JSON')
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
