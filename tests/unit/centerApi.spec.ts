import { readFileSync } from 'node:fs'
import SwaggerParser from '@apidevtools/swagger-parser'
import { describe, expect, test } from 'vitest'

import { centerApiOperations, feedbackBodySchema, myRewardsSchema } from '../../content/centerApi'
import { centerApiPath, centerApiYaml } from '../../scripts/writeCenterApi'
import { centerApiUrl } from '../../site/src/lib/centerApi'

describe('the Center API contract', () => {
  test('docs/center-api.yaml is what content/centerApi.ts generates (run npm run contract:center after changing a schema)', () => {
    expect(readFileSync(centerApiPath, 'utf8')).toBe(centerApiYaml())
  })

  test('docs/center-api.yaml is a valid OpenAPI 3.1 document with every operation of the table', async () => {
    const api = await SwaggerParser.validate(centerApiPath)
    expect((api as { openapi?: string }).openapi).toBe('3.1.0')
    const documented = Object.entries(api.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method} ${path}`),
    )
    expect(documented.sort()).toEqual(centerApiOperations.map(({ method, path }) => `${method} ${path}`).sort())
  })

  test('every error answer of every operation is a problem, every success is not', () => {
    for (const operation of centerApiOperations) {
      for (const [status, { schema }] of Object.entries(operation.responses)) {
        const isProblem = schema.safeParse({
          type: 'https://center.example/problems/x',
          title: 'X',
          status: Number(status),
          detail: 'x',
          code: 'x',
        }).success
        if (operation.path === '/ready') continue // 503 is a readiness report, not an error
        expect(isProblem, `${operation.method} ${operation.path} ${status}`).toBe(Number(status) >= 400)
      }
    }
  })

  test('the feedback schema takes what the ask box sends and refuses a vote that names no answer', () => {
    expect(
      feedbackBodySchema.safeParse({ tenant: 'lumopay', locale: 'en', kind: 'helpful', query: 'refund', qa: 'refund-time' }).success,
    ).toBe(true)
    expect(feedbackBodySchema.safeParse({ tenant: 'lumopay', locale: 'en', kind: 'helpful', query: 'refund' }).success).toBe(false)
    expect(feedbackBodySchema.safeParse({ tenant: 'lumopay', locale: 'en', kind: 'unanswered', query: 'x', email: 'a@b.c' }).success).toBe(
      false,
    )
    expect(myRewardsSchema.safeParse({ tenant: 'lumopay', user: 'u', newUser: null, tutorials: [], vouchers: [] }).success).toBe(true)
  })
})

describe("the site's Center API address", () => {
  test('is CENTER_API_URL without trailing slashes, and none when the site is built with no CMS', () => {
    expect(centerApiUrl({ CENTER_API_URL: 'https://center.example/api//' })).toBe('https://center.example/api')
    expect(centerApiUrl({ CENTER_API_URL: '' })).toBeUndefined()
    expect(centerApiUrl({})).toBeUndefined()
  })
})
