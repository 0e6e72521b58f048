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
