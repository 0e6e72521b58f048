import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

import {
  formatHeaders,
  frameAncestors,
  headersFor,
  mergePolicies,
  pagePolicy,
  parseHeaders,
  tenantHeaders,
  writeTenantHeaders,
} from '../../cms/publish/headers'
import { cspHash, pageDirectives } from '../../site/src/lib/csp'

describe('page policies', () => {
  test("a page's policy is read from its meta element with its entities decoded", () => {
    const html = `<head><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;; script-src &#39;self&#39; &#39;sha256-abc=&#39;"></head>`
    expect(pagePolicy(html)).toBe("default-src 'self'; script-src 'self' 'sha256-abc='")
    expect(pagePolicy('<head></head>')).toBeUndefined()
  })

  test("merged policies allow the union of each directive's sources, once each", () => {
    const merged = mergePolicies([
      "default-src 'self'; script-src 'self' 'sha256-a='",
      "default-src 'self'; script-src 'self' 'sha256-b='; style-src 'self'",
    ])
    expect(merged).toBe("default-src 'self'; script-src 'self' 'sha256-a=' 'sha256-b='; style-src 'self'")
  })

  test("a tenant's pages may fetch only themselves, its MPP API and the Center API", () => {
    const directives = pageDirectives({
      mppApiBaseUrl: 'https://api.lumopay.example/center/v1',
      centerApiUrl: 'https://center.example/api',
    })
    expect(directives).toContain("connect-src 'self' https://api.lumopay.example https://center.example")
    expect(directives).toContain("object-src 'none'")
    // Tutorials play from the Center itself: no video or audio from another host.
    expect(directives).toContain("media-src 'self'")
    expect(directives).toContain("base-uri 'none'")
    expect(directives.join(';')).not.toContain('unsafe')
  })

  test('a URL whose host could smuggle a directive into the policy is refused', () => {
    expect(() => pageDirectives({ mppApiBaseUrl: 'https://mpp.example;sandbox/api' })).toThrow(
      'cannot be allowed in a Content-Security-Policy',
    )
    expect(pageDirectives({ mppApiBaseUrl: 'http://[::1]:4010/lumopay' })[1]).toBe("connect-src 'self' http://[::1]:4010")
  })

  test('an inline script or style is allowed by the SHA-256 of its exact text', () => {
    expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=')
  })
})

describe('the headers file', () => {
  test('frame-ancestors is none unless CENTER_FRAME_ANCESTORS lists origins, and junk there is refused', () => {
    expect(frameAncestors({})).toBe("'none'")
    expect(frameAncestors({ CENTER_FRAME_ANCESTORS: 'https://wallet.example, https://mini.wallet.example' })).toBe(
      'https://wallet.example https://mini.wallet.example',
    )
    expect(() => frameAncestors({ CENTER_FRAME_ANCESTORS: "https://x.example; script-src 'unsafe-inline'" })).toThrow(/must list origins/)
  })

  test('HSTS is sent only for an HTTPS site, and DENY framing goes with frame-ancestors none', () => {
    const local = Object.fromEntries(tenantHeaders(["default-src 'self'"], { frameAncestors: "'none'", siteUrl: 'http://localhost:4321' }))
    expect(local['Strict-Transport-Security']).toBeUndefined()
    expect(local['X-Frame-Options']).toBe('DENY')
    expect(local['Content-Security-Policy']).toBe("default-src 'self'; frame-ancestors 'none'")
    const live = Object.fromEntries(
      tenantHeaders(["default-src 'self'"], { frameAncestors: 'https://wallet.example', siteUrl: 'https://center.example' }),
    )
    expect(live['Strict-Transport-Security']).toContain('max-age=')
    expect(live['X-Frame-Options']).toBeUndefined()
  })

  test('rules written in the _headers format read back the same, and apply by path pattern', () => {
    const rules = [
      {
        pattern: '/lumopay/*',
        headers: [
          ['Content-Security-Policy', "default-src 'self'"],
          ['X-Content-Type-Options', 'nosniff'],
        ] as [string, string][],
      },
    ]
    const text = `# comment\n${formatHeaders(rules)}`
    expect(parseHeaders(text)).toEqual(rules)
    expect(headersFor(rules, '/lumopay/en/bills/')).toEqual({
      'Content-Security-Policy': "default-src 'self'",
      'X-Content-Type-Options': 'nosniff',
    })
    expect(headersFor(rules, '/hoshi/en/')).toEqual({})
    expect(headersFor(rules, '/lumopay')).toEqual({})
  })

  test("a build's headers give pages and the service worker the policy, and every file the hardening", () => {
    const dir = mkdtempSync(join(tmpdir(), 'center-headers-'))
    try {
      mkdirSync(join(dir, 'hoshi', 'ja'), { recursive: true })
      writeFileSync(join(dir, 'hoshi', 'ja', 'index.html'), `<meta http-equiv="content-security-policy" content="default-src 'self'">`)
      writeTenantHeaders(dir, 'hoshi', { frameAncestors: "'none'" })
      const rules = parseHeaders(readFileSync(join(dir, 'hoshi', '_headers'), 'utf8'))
      for (const path of ['/hoshi/', '/hoshi/ja/', '/hoshi/ja/qas/cards/fees/', '/hoshi/ja/index.html', '/hoshi/sw.js'])
        expect(headersFor(rules, path)['Content-Security-Policy'], path).toBe("default-src 'self'; frame-ancestors 'none'")
      for (const path of ['/hoshi/_astro/AskBox.js', '/hoshi/ja/search.json', '/hoshi/media/logo.svg']) {
        expect(headersFor(rules, path)['Content-Security-Policy'], path).toBeUndefined()
        expect(headersFor(rules, path)['X-Content-Type-Options'], path).toBe('nosniff')
      }
      expect(headersFor(rules, '/lumopay/ja/')).toEqual({})
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a header line outside any path is an error that quotes the line', () => {
    expect(() => parseHeaders('  X-Test: 1\n')).toThrow('"X-Test: 1"')
  })
})
