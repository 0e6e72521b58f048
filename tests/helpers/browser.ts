import { chromium, type Browser, type Page } from 'playwright-core'

import { chromiumPath } from '../../scripts/lib/browser'

/** Debian's Chromium, headless, with a fresh profile (playwright makes one) and no calls to outside services. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Signs in to the Payload admin and waits for the dashboard. */
export async function signIn(page: Page, cmsUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${cmsUrl}/admin`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Login' }).click()
  await page.waitForURL(`${cmsUrl}/admin`)
}

/**
 * Records a page's uncaught errors and console errors. The browser's own network log ("Failed to
 * load resource" for a 401 or 500 answer) is not the page failing, so it is left out.
 */
export function recordErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`)
  })
  return errors
}

/** A fresh page that records uncaught errors and console errors (`recordErrors`), after `prepare` (routes, say) and then the visit. */
export async function openPage(
  browser: Browser,
  url: string,
  prepare?: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage()
  const errors = recordErrors(page)
  await prepare?.(page)
  await page.goto(url)
  return { page, errors }
}

/** A demo user token from the sandbox MPP, as the MPP app would hand it over; `seconds` < 0 gives an expired one. */
export async function demoToken(mppUrl: string, tenant: string, user: string, seconds?: number): Promise<string> {
  const response = await fetch(`${mppUrl}/${tenant}/sandbox/token`, { method: 'POST', body: JSON.stringify({ user, seconds }) })
  if (response.status !== 201) throw new Error(`The sandbox gave no token: HTTP ${response.status}`)
  return ((await response.json()) as { token: string }).token
}

/**
 * Plays a React Native wallet app around the page (docs/host-bridge.md): a `ReactNativeWebView`
 * bridge that records each token request in `window.asked` and answers it, as the app injects it,
 * with `fresh()`. Call before the visit.
 */
export async function actAsReactNativeHost(page: Page, tenant: string, fresh: () => Promise<string>): Promise<void> {
  await page.exposeFunction('freshTokenFromApp', fresh)
  await page.addInitScript((slug) => {
    const host = window as unknown as { asked: unknown[]; freshTokenFromApp: () => Promise<string> }
    host.asked = []
    Object.assign(window, {
      ReactNativeWebView: {
        postMessage: (json: string) => {
          host.asked.push(JSON.parse(json))
          void host.freshTokenFromApp().then((token) => window.postMessage({ type: 'center:token', tenant: slug, token }, location.origin))
        },
      },
    })
  }, tenant)
}
