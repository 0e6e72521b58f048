import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'

import { run } from '../../cms/publish/buildSite'
import { parseSnapshot } from '../../content/schema'
import { contentSnapshot } from '../helpers/contentSnapshots'

const root = join(import.meta.dirname, '..', '..')
const folders: string[] = []

afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })))

/** Runs `astro build` as `center build` does, into a throwaway folder; `snapshot` is a file, or none for content/. */
async function buildSite(snapshot?: string): Promise<{ out: string; output: string }> {
  const outDir = mkdtempSync(join(tmpdir(), 'center-site-'))
  folders.push(outDir)
  const env: NodeJS.ProcessEnv = { ...process.env, CENTER_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' }
  delete env.CENTER_SNAPSHOT
  delete env.CENTER_TENANT
  if (snapshot) Object.assign(env, { CENTER_SNAPSHOT: snapshot, CENTER_TENANT: 'hostile' })
  const output = await run(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent'], {
    cwd: root,
    env,
    quiet: true,
  })
  return { out: outDir, output }
}

/** Every HTML file below a folder. */
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name))

/** What a reader sees of a page: its text without scripts, styles, tags and attributes. */
const visibleText = (html: string): string =>
  html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')

describe('the static site', () => {
  test('builds every page of every demo MPP from content/ with no CMS running', async () => {
    const { out } = await buildSite()
    for (const slug of ['lumopay', 'hoshi', 'nakhla', 'chaba']) {
      const { tenant, guides, qas } = contentSnapshot(slug)
      expect(existsSync(join(out, slug, 'sitemap.xml')), slug).toBe(true)
      for (const locale of tenant.locales) {
        for (const page of [
          'index.html',
          'guides/index.html',
          'qas/index.html',
          '404/index.html',
          `guides/${guides[0]!.slug}/index.html`,
          `qas/${qas[0]!.category}/${qas[0]!.slug}/index.html`,
        ]) {
          expect(existsSync(join(out, slug, locale, page)), `${slug}/${locale}/${page}`).toBe(true)
        }
        const search = JSON.parse(readFileSync(join(out, slug, locale, 'search.json'), 'utf8'))
        expect(search.docs).toHaveLength(guides.length + qas.length)
      }
      expect(existsSync(join(out, slug, tenant.locales[0]!, 'rewards', 'index.html')), `${slug} rewards`).toBe(
        tenant.features.includes('rewards'),
      )
      const illustrated = guides.find((guide) => guide.steps.some((step) => step.image))!
      const image = illustrated.steps.find((step) => step.image)!.image!
      expect(existsSync(join(out, slug, 'media', image)), `${slug} ${image}`).toBe(true)
      const page = readFileSync(join(out, slug, tenant.defaultLocale, 'guides', illustrated.slug, 'index.html'), 'utf8')
      expect(page).toMatch(new RegExp(`<img src="/${slug}/media/${image}" width="\\d+" height="\\d+" alt="[^"]+"`))
    }
    // No Markdown survives as text on any page, in any locale (CJK emphasis next to 「」 or 。 included).
    const rawMarkdown = htmlFiles(out)
      .map((file) => ({ file, text: visibleText(readFileSync(file, 'utf8')) }))
      .flatMap(({ file, text }) =>
        [...text.matchAll(/\*\*|__|\]\(/g)].map(
          (m) => `${file.slice(out.length)}: …${text.slice(Math.max(0, m.index - 30), m.index + 30)}…`,
        ),
      )
    expect(rawMarkdown).toEqual([])
  }, 180_000)

  test('a hostile snapshot builds, and its script tags, event handlers and script links render inert', async () => {
    const fixture = join(root, 'tests', 'fixtures', 'hostile.json')
    const snapshot = parseSnapshot(JSON.parse(readFileSync(fixture, 'utf8')), fixture)
    const { out, output } = await buildSite(fixture)
    const pages = htmlFiles(out)
    expect(pages.length).toBeGreaterThan(10)
    // Arabic pages isolate Latin runs with invisible bidi marks (U+2066–U+2069): read past them, so they hide nothing.
    const withoutIsolates = (file: string) => readFileSync(file, 'utf8').replace(/[\u2066-\u2069]/g, '')
    for (const page of pages) {
      const html = withoutIsolates(page)
      expect(html, page).not.toMatch(/<script>alert|<img src=x|<svg onload|<iframe/i)
      // An event handler attribute on any tag; quoted attribute values (an island's escaped props) are skipped.
      expect(html, page).not.toMatch(/<[a-z][^\s>"']*(?:\s+[^\s>"'=]+(?:=(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*?\s+on(error|load|click)=/i)
      // Links in content (anchors); the favicon is a data: image on purpose.
      expect(html, page).not.toMatch(/<a\s[^>]*href="(javascript|data):/i)
    }
    const guide = withoutIsolates(join(out, 'hostile', 'ar', 'guides', 'long-words', 'index.html'))
    expect(guide).toContain("&lt;script&gt;alert('step')&lt;/script&gt;")
    expect(guide).toContain('class="notice"')
    // The images whose files are gone are left out, and the build says which.
    expect(guide).not.toMatch(/deleted-photo|gone/)
    expect(output).toContain('Guide "long-words" step 1 uses image "deleted-photo.png", which is not in the snapshot\'s media')
    expect(output).toContain('Image "gone.webp" is missing from the media folder')
    const rewards = readFileSync(join(out, 'hostile', 'en', 'rewards', 'index.html'), 'utf8')
    // The campaigns are rendered by the rewards island (React escapes ' as &#x27;, Astro as &#39;).
    expect(rewards.replace(/&#x27;/g, '&#39;')).toContain(
      `voucher at ${snapshot.campaigns[0]!.voucher.merchant.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;')}`,
    )
  }, 180_000)
})
