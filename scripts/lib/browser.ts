import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** Debian's Chromium, which the browser tests drive (playwright cannot download browsers here). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const packages = ['chromium', 'fonts-noto-cjk']

/** Whether Chromium and the CJK fonts (without them Chinese, Japanese and Korean render as boxes) are installed. */
function missingPackages(): string[] {
  const missing: string[] = []
  if (!existsSync(chromiumPath)) missing.push('chromium')
  const fonts = spawnSync('fc-list', [':lang=ja'], { encoding: 'utf8' })
  if (fonts.status !== 0 || !/Noto/i.test(fonts.stdout)) missing.push('fonts-noto-cjk')
  return missing
}

/** Installs what the browser tests need with apt-get when running as root; otherwise says exactly what to install. */
export function ensureBrowser(log: (line: string) => void): void {
  const missing = missingPackages()
  if (!missing.length) return
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The browser tests need Debian's ${missing.join(' and ')}. Install them with:\n  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
    )
  }
  log(`Installing ${packages.join(' and ')} with apt-get for the browser tests…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', '--no-install-recommends', ...packages],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed with code ${result.status}`)
  }
}
