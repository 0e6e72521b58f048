import { describe, expect, test } from 'vitest'

import { hashParam, hashWithoutToken, takeToken, tokenFromHash } from '../../site/src/lib/token'

describe('the token in the URL', () => {
  test('the token is read from the URL fragment', () => {
    expect(tokenFromHash('#token=abc.def.ghi')).toBe('abc.def.ghi')
    expect(tokenFromHash('#other=1')).toBeNull()
    expect(tokenFromHash('')).toBeNull()
  })

  test("the token moves from the address bar to this tab's storage for its tenant only", () => {
    const stored = new Map<string, string>()
    const addresses: string[] = []
    const location = { pathname: '/lumopay/en/bills/', search: '', hash: '#token=abc.def.ghi&bill=lumopay-u1-0003' }
    const win = {
      location,
      history: { state: null, replaceState: (_state: unknown, _title: string, url: string) => addresses.push(url) },
      sessionStorage: {
        setItem: (key: string, value: string) => stored.set(key, value),
        getItem: (key: string) => stored.get(key) ?? null,
      },
    } as unknown as Parameters<typeof takeToken>[0]
    expect(takeToken(win)).toBe('abc.def.ghi')
    expect(addresses).toEqual(['/lumopay/en/bills/#bill=lumopay-u1-0003'])
    expect([...stored]).toEqual([['center.token:lumopay', 'abc.def.ghi']])
    location.hash = ''
    expect(takeToken(win)).toBe('abc.def.ghi')
    location.pathname = '/hoshi/ja/bills/'
    expect(takeToken(win)).toBeNull()
  })

  test('taking the token out of the fragment keeps a deep link beside it', () => {
    expect(hashWithoutToken('#token=abc.def.ghi&bill=lumopay-u1-0003')).toBe('#bill=lumopay-u1-0003')
    expect(hashWithoutToken('#token=abc.def.ghi')).toBe('')
    expect(hashParam('#bill=lumopay-u1-0003', 'bill')).toBe('lumopay-u1-0003')
  })
})
