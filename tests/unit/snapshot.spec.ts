import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'

import { parseSnapshot } from '../../content/schema'

const lumopay = JSON.parse(readFileSync(new URL('../../content/tenants/lumopay.json', import.meta.url), 'utf8'))

describe('the snapshot schema', () => {
  test('accepts every demo MPP in content/', () => {
    const names = readdirSync(new URL('../../content/tenants/', import.meta.url)).map((file) => file.replace(/\.json$/, ''))
    expect(names.sort()).toEqual(['chaba', 'hoshi', 'lumopay', 'nakhla'])
    for (const name of names) {
      const data = JSON.parse(readFileSync(new URL(`../../content/tenants/${name}.json`, import.meta.url), 'utf8'))
      expect(parseSnapshot(data, name).tenant.slug).toBe(name)
    }
  })

  test('names the source and the field of a bad value', () => {
    const bad = structuredClone(lumopay)
    bad.guides[1].product = 'teleport'
    expect(() => parseSnapshot(bad, 'content/tenants/lumopay.json')).toThrow(/content\/tenants\/lumopay\.json[\s\S]*guides\.1\.product/)
  })

  test('refuses a Q&A in a category that does not exist', () => {
    const bad = structuredClone(lumopay)
    bad.qas[0].category = 'nowhere'
    expect(() => parseSnapshot(bad, 'x.json')).toThrow(/qas\.0\.category: unknown category "nowhere"/)
  })

  test("refuses text that lacks the tenant's default locale, which every fallback relies on", () => {
    const bad = structuredClone(lumopay)
    delete bad.qas[2].answer.en
    expect(() => parseSnapshot(bad, 'x.json')).toThrow(/qas\.2\.answer: needs the default locale "en"/)
  })

  test('refuses a default locale that is not enabled', () => {
    const bad = structuredClone(lumopay)
    bad.tenant.defaultLocale = 'ko'
    expect(() => parseSnapshot(bad, 'x.json')).toThrow(/tenant\.defaultLocale: must be one of the enabled locales/)
  })
})
