import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { launchBrowser } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const mppUrl = inject('mppUrl')
const cmsUrl = inject('cmsUrl')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** A policy's directives by name, each with its sources. */
function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  )
}

/** A page that records every CSP violation the browser reports, and every uncaught error. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage()
  const violations: string[] = []
  await page.exposeFunction('reportViolation', (line: string) => violations.push(line))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;(window as unknown as { reportViolation: (line: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      )
    })
  })
  page.on('pageerror', (error) => violations.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) violations.push(`console: ${message.text()}`)
  })
  return { page, violations }
}

describe('security headers on the served pages', () => {
  test.each(['/lumopay/en/', '/lumopay/en/bills/', '/hoshi/ja/qas/', '/nakhla/ar/no-such-page/'])(
    '%s carries a strict Content-Security-Policy and frame-ancestors',
    async (path) => {
      const response = await fetch(`${siteUrl}${path}`)
      const policy = response.headers.get('content-security-policy')
      expect(policy).toBeTruthy()
      const csp = directives(policy!)
      expect(csp['frame-ancestors']).toEqual(["'none'"])
      expect(csp['object-src']).toEqual(["'none'"])
      expect(csp['base-uri']).toEqual(["'none'"])
      // Only the page's own origin, the tenant's MPP API and the Center API may be fetched.
      expect(csp['connect-src']!.sort()).toEqual(["'self'", new URL(mppUrl).origin, new URL(cmsUrl).origin].sort())
      for (const name of ['script-src', 'style-src']) {
        expect(csp[name]![0]).toBe("'self'")
        expect(
          csp[name]!.slice(1).every((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source)),
          `${name}: ${csp[name]!.join(' ')}`,
        ).toBe(true)
      }
      expect(policy).not.toContain('unsafe-')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
    },
  )

  test('the service worker carries the policy; scripts and the search index carry only the hardening headers', async () => {
    const worker = await fetch(`${siteUrl}/lumopay/sw.js`)
    expect(worker.status).toBe(200)
    expect(directives(worker.headers.get('content-security-policy') ?? '')['worker-src']).toEqual(["'self'"])
    const page = await (await fetch(`${siteUrl}/lumopay/en/search/`)).text()
    const script = /<script type="module" src="([^"]+)"/.exec(page)?.[1]
    expect(script, 'the results page loads a module script').toBeTruthy()
    for (const path of [script!, '/lumopay/en/search.json', '/lumopay/en/answers.json']) {
      const response = await fetch(`${siteUrl}${path}`)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-security-policy'), path).toBeNull()
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
    }
  })

  test('the headers file itself is not served', async () => {
    expect((await fetch(`${siteUrl}/lumopay/_headers`)).status).toBe(404)
  })

  test('with the policy enforced, search and bills work in Chromium and nothing is blocked', async () => {
    const { page, violations } = await watchedPage()
    await page.goto(`${siteUrl}/lumopay/en/`)
    await page.getByLabel('Search or ask a question').pressSequentially('refund', { delay: 20 })
    await expect.poll(() => page.locator('.ask-reply a').count()).toBeGreaterThan(0)

    const response = await fetch(`${mppUrl}/lumopay/sandbox/token`, { method: 'POST', body: JSON.stringify({ user: 'e2e-csp' }) })
    const { token } = (await response.json()) as { token: string }
    await page.goto(`${siteUrl}/lumopay/en/bills/#token=${token}`)
    await expect.poll(() => page.locator('li.bill').count()).toBeGreaterThan(0)
    await page.goto(`${siteUrl}/lumopay/en/agreements/#token=${token}`)
    // Agreements show merchant logos from the MPP: images must load too.
    await expect
      .poll(() =>
        page
          .locator('li.agreement img')
          .evaluateAll((images) => images.filter((image) => (image as HTMLImageElement).naturalWidth > 0).length),
      )
      .toBeGreaterThan(0)
    expect(violations).toEqual([])
    await page.close()
  })
})

describe('the CMS and Center API', () => {
  test("health and readiness answer, with HSTS (production build) and the caller's request id echoed", async () => {
    const health = await fetch(`${cmsUrl}/api/health`, { headers: { 'x-request-id': 'e2e-probe-1' } })
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok' })
    expect(health.headers.get('x-request-id')).toBe('e2e-probe-1')
    expect(health.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/)
    expect(health.headers.get('x-content-type-options')).toBe('nosniff')
    const ready = await fetch(`${cmsUrl}/api/ready`)
    expect(ready.status).toBe(200)
    expect(await ready.json()).toEqual({ status: 'ready', database: 'sqlite' })
    expect(ready.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  test("CORS lets the site's origin call the Center API and no other origin", async () => {
    const preflight = (origin: string) =>
      fetch(`${cmsUrl}/api/health`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      })
    expect((await preflight(new URL(siteUrl).origin)).headers.get('access-control-allow-origin')).toBe(new URL(siteUrl).origin)
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull()
  })
})
