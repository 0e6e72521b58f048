import { chromium, type Browser } from 'playwright-core'

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
