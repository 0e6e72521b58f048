import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** Debian's Chromium, which the browser tests drive (playwright cannot download browsers here). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
// fonts-noto-cjk has no Thai: fonts-noto-core draws the Thai merchant names the demo bills hold.
const packages = ['chromium', 'fonts-noto-cjk', 'fonts-noto-core']

/** Whether a Noto font for a language is installed (fontconfig's `fc-list :lang=xx`). */
const hasNotoFor = (lang: string) => {
  const fonts = spawnSync('fc-list', [`:lang=${lang}`], { encoding: 'utf8' })
  return fonts.status === 0 && /Noto/i.test(fonts.stdout)
}

/** Whether Chromium and the CJK and Thai fonts (without them those scripts render as boxes) are installed. */
function missingPackages(): string[] {
  const missing: string[] = []
  if (!existsSync(chromiumPath)) missing.push('chromium')
  if (!hasNotoFor('ja')) missing.push('fonts-noto-cjk')
  if (!hasNotoFor('th')) missing.push('fonts-noto-core')
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
