import { describe, expect, test } from 'vitest'

import { demoCenterPage, hostDemoPage } from '../../mpp/sandbox/hostDemo'
import { issueToken } from '../../mpp/sandbox/tokens'
import { hostOriginsFrom, jwtClaims, parentTargets, readHostAnswer, tokenRequest, type AnswerContext } from '../../site/src/lib/hostBridge'
import { keepToken, storageKey } from '../../site/src/lib/token'

const now = Date.now()
const self: AnswerContext = { tenant: 'lumopay', ownOrigin: 'https://center.example', hostOrigins: [], from: 'self', now }
const framed: AnswerContext = { ...self, hostOrigins: ['https://wallet.example'], from: 'parent' }

describe('the host bridge', () => {
  test('the page asks with its type, version and tenant, and nothing else', () => {
    expect(tokenRequest('lumopay')).toEqual({ type: 'center:token-request', version: 1, tenant: 'lumopay' })
  })

  test("a fresh token of the page's MPP is taken from a native webview (the page's own origin) or a listed framing origin", async () => {
    const token = await issueToken('lumopay', 'alice')
    const message = { type: 'center:token', tenant: 'lumopay', token }
    expect(readHostAnswer(message, 'https://center.example', self)).toEqual({ kind: 'token', token })
    // React Native and Android bridges send strings.
    expect(readHostAnswer(JSON.stringify(message), 'https://center.example', self)).toEqual({ kind: 'token', token })
    expect(readHostAnswer(message, 'https://wallet.example', framed)).toEqual({ kind: 'token', token })
  })

  test('a token from an unlisted origin, another window, another MPP, an expired one or no JWT at all is not taken', async () => {
    const token = await issueToken('lumopay', 'alice')
    const message = { type: 'center:token', tenant: 'lumopay', token }
    expect(readHostAnswer(message, 'https://evil.example', framed)).toBeNull()
    expect(readHostAnswer(message, 'https://evil.example', self)).toBeNull()
    expect(readHostAnswer(message, 'https://center.example', { ...self, from: 'other' })).toBeNull()
    expect(readHostAnswer({ ...message, tenant: 'hoshi' }, 'https://center.example', self)).toBeNull()
    const foreign = await issueToken('hoshi', 'alice')
    expect(readHostAnswer({ ...message, token: foreign }, 'https://center.example', self)).toBeNull()
    const expired = await issueToken('lumopay', 'alice', -60)
    expect(readHostAnswer({ ...message, token: expired }, 'https://center.example', self)).toBeNull()
    expect(readHostAnswer({ ...message, token: 'not.a-jwt' }, 'https://center.example', self)).toBeNull()
    expect(readHostAnswer('{not json', 'https://center.example', self)).toBeNull()
    expect(readHostAnswer({ type: 'center:token-request', tenant: 'lumopay' }, 'https://center.example', self)).toBeNull()
  })

  test('a host may say it has no token to give', () => {
    expect(readHostAnswer({ type: 'center:token-unavailable', tenant: 'lumopay' }, 'https://center.example', self)).toEqual({
      kind: 'unavailable',
    })
  })

  test('JWT claims are read without verifying, and junk reads as none', async () => {
    expect(jwtClaims(await issueToken('chaba', 'bob'))).toMatchObject({ iss: 'chaba', sub: 'bob', aud: 'center' })
    expect(jwtClaims('a.b')).toBeNull()
    expect(jwtClaims('a.!!.c')).toBeNull()
    expect(jwtClaims(`a.${btoa('[1]')}.c`)).toBeNull()
  })

  test("the origins that may frame the Center are the ones it asks and trusts; 'self' is its own", () => {
    expect(hostOriginsFrom({ CENTER_FRAME_ANCESTORS: "https://wallet.example 'self', junk" })).toEqual(['https://wallet.example', "'self'"])
    expect(hostOriginsFrom({})).toEqual([])
    expect(parentTargets(['https://wallet.example', "'self'"], 'https://center.example')).toEqual([
      'https://wallet.example',
      'https://center.example',
    ])
  })

  test('a token from the host is kept for the tab under its tenant, never in the address bar', () => {
    const store = new Map<string, string>()
    const win = {
      location: { pathname: '/hoshi/ja/bills/', hash: '', search: '' },
      sessionStorage: { setItem: (key: string, value: string) => store.set(key, value) },
    } as unknown as Window
    keepToken('t.o.k', win)
    expect(store.get(storageKey('/hoshi/ja/bills/'))).toBe('t.o.k')
    expect(win.location.hash).toBe('')
  })
})

describe("the sandbox's host-app demo", () => {
  test('frames only a page of its own tenant, without any fragment, and answers only that origin', () => {
    expect(demoCenterPage('lumopay', 'http://localhost:4321/lumopay/en/bills/#token=x')?.href).toBe(
      'http://localhost:4321/lumopay/en/bills/',
    )
    expect(demoCenterPage('lumopay', 'http://localhost:4321/hoshi/ja/bills/')).toBeNull()
    expect(demoCenterPage('lumopay', 'javascript:alert(1)//lumopay/')).toBeNull()
    expect(demoCenterPage('lumopay', null)).toBeNull()
    const page = hostDemoPage({
      tenant: 'lumopay',
      page: new URL('http://localhost:4321/lumopay/en/bills/?x=</script>'),
      user: 'u',
      start: 'expired',
      answer: 'token',
    })
    expect(page).toContain('"centerOrigin":"http://localhost:4321"')
    expect(page.split('</script>')).toHaveLength(2)
  })
})
