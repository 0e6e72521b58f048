import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, posix } from 'node:path'

/** An island Astro hydrates as soon as the page loads (`client:load`): its component and renderer modules. */
const eagerIsland = /<astro-island\b[^>]*\bclient="load"[^>]*>/g
/** A page's own module script (`<script type="module" src>`), which runs as soon as the page is parsed. */
const moduleScript = /<script\b[^>]*\btype="module"[^>]*>/g
const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]+)"`).exec(tag)?.[1]

/** A built module's static imports (`import … from "./x.js"`, `import "./x.js"`); dynamic `import("…")` loads later, by choice. */
const staticImport = /\b(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g

/** The module at a site path (`/lumopay/_astro/X.js`) and every module it imports statically, by site path. */
function moduleGraph(outDir: string, entry: string, seen = new Set<string>()): Set<string> {
  const file = join(outDir, entry)
  if (seen.has(entry) || !existsSync(file)) return seen
  seen.add(entry)
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(staticImport))
    moduleGraph(outDir, posix.join(posix.dirname(entry), specifier!), seen)
  return seen
}

/** The modules a page's eager islands and its own module scripts need before they can run, in the order they are found. */
export function eagerModules(outDir: string, html: string): string[] {
  const modules = new Set<string>()
  const entries = [
    ...[...html.matchAll(eagerIsland)].flatMap(([tag]) => [attribute(tag, 'renderer-url'), attribute(tag, 'component-url')]),
    ...[...html.matchAll(moduleScript)].map(([tag]) => attribute(tag, 'src')),
  ]
  for (const url of entries) if (url?.startsWith('/')) for (const module of moduleGraph(outDir, url)) modules.add(module)
  return [...modules]
}

/**
 * Adds `<link rel="modulepreload">` to the head of every page with an island that hydrates at
 * load, or a module script of its own (the results page's first answer), for those modules and
 * everything they import. The browser discovers them one import at a time (component, then its
 * imports, then theirs), so on a slow phone link each level cost a round trip before the island
 * or script could run; preloaded, they load together with the page. Islands that wait (for idle
 * time, for the first keystroke, for the results page's first answer) get none.
 * Answers how many pages it changed.
 */
export function preloadEagerIslands(outDir: string): number {
  let changed = 0
  const pages = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'))
  for (const page of pages) {
    const file = join(outDir, page)
    const html = readFileSync(file, 'utf8')
    const links = eagerModules(outDir, html)
      .filter((module) => !html.includes(`href="${module}"`))
      .map((module) => `<link rel="modulepreload" href="${module}">`)
    if (!links.length || !html.includes('</head>')) continue
    writeFileSync(file, html.replace('</head>', `${links.join('')}</head>`))
    changed++
  }
  return changed
}
