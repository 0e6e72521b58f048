import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** The tenant-internal links of a page: every href that starts with "/<tenant>/", without its query or fragment. */
export function internalHrefs(html: string, tenant: string): string[] {
  const prefix = `/${tenant}/`
  const hrefs = new Set<string>()
  for (const match of html.matchAll(/\shref\s*=\s*(["'])(.*?)\1/gi)) {
    const href = match[2]!.replace(/&amp;/g, '&').split(/[?#]/)[0]!
    if (href.startsWith(prefix)) hrefs.add(href)
  }
  return [...hrefs]
}

/** The files, relative to the output folder, any of which serves a path the way the static server does. */
export function targetFiles(href: string): string[] {
  const path = decodeURI(href).replace(/^\/+/, '')
  if (path.endsWith('/')) return [`${path}index.html`]
  return [path, `${path}/index.html`, `${path}.html`]
}

/** Every HTML file under a folder. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(dir, name))
}

export type BrokenLink = { page: string; href: string }

/** The tenant-internal links in a build whose target does not exist in the same build. */
export function brokenLinks(outDir: string, tenant: string): BrokenLink[] {
  const broken: BrokenLink[] = []
  const exists = (file: string) => existsSync(join(outDir, file)) && statSync(join(outDir, file)).isFile()
  for (const file of htmlFiles(join(outDir, tenant))) {
    for (const href of internalHrefs(readFileSync(file, 'utf8'), tenant)) {
      if (!targetFiles(href).some(exists)) broken.push({ page: relative(outDir, file), href })
    }
  }
  return broken
}
