import { describe, expect, test } from 'vitest'

import { refuse } from '../../cms/lib/requests'
import { problem, problemCodes, problemSchema, problemTitles, problemType, problemTypeBase } from '../../content/problem'

describe('the one error shape (RFC 9457 problem+json)', () => {
  test('a refusal answers problem+json with a type URI per code, the code, its title, the status and the detail', async () => {
    const answer = refuse(409, 'sold-out', "All of this campaign's vouchers have been claimed.", { 'retry-after': '5' })
    expect(answer.status).toBe(409)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    expect(answer.headers.get('retry-after')).toBe('5')
    expect(await answer.json()).toEqual({
      type: 'https://center.example/problems/sold-out',
      title: 'Sold out',
      status: 409,
      detail: "All of this campaign's vouchers have been claimed.",
      code: 'sold-out',
    })
  })

  test('extension members ride along but never replace the five members', () => {
    const body = problem(409, 'already-claimed', 'once', { voucher: { code: 'LUMO-AAAA-BBBB' }, status: 200, code: 'x' })
    expect(body).toMatchObject({ status: 409, code: 'already-claimed', voucher: { code: 'LUMO-AAAA-BBBB' } })
    expect(problemSchema.safeParse(body).success).toBe(true)
  })

  test('every code has its own type URI under the documented base and a title', () => {
    const types = problemCodes.map(problemType)
    expect(new Set(types).size).toBe(problemCodes.length)
    for (const code of problemCodes) {
      expect(problemType(code)).toBe(`${problemTypeBase}${code}`)
      expect(URL.canParse(problemType(code))).toBe(true)
      expect(problemTitles[code]).toMatch(/^\S/)
    }
  })

  test('a body without a code or a detail is not a Center problem', () => {
    expect(problemSchema.safeParse({ type: 'about:blank', title: 'Not found', status: 404 }).success).toBe(false)
    expect(problemSchema.safeParse({ error: 'sold-out', message: 'gone' }).success).toBe(false)
  })
})
