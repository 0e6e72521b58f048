import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, sep } from 'node:path'

import { addSizes, percentile, sizes, type Sizes } from './stats'

export const pageTypes = ['home', 'guide', 'qa', 'bills', 'agreements', 'rewards'] as const
export type PageType = (typeof pageTypes)[number]

/** The type of a built page from its path below /<tenant>/<locale>/, or nothing for lists, 404 and the like. */
export function pageType(path: string): PageType | undefined {
  const parts = path.split(/[\\/]/).filter((part) => part && part !== 'index.html')
  if (parts.length === 0) return 'home'
  if (parts[0] === 'guides' && parts.length === 2) return 'guide'
  if (parts[0] === 'qas' && parts.length === 3) return 'qa'
  if (parts.length === 1 && (['bills', 'agreements', 'rewards'] as const).includes(parts[0] as never)) return parts[0] as PageType
  return undefined
}

/** How an island hydrates; `typing` waits for the user's first keystroke, so its code is no part of loading. */
export type Island = { componentUrl: string; rendererUrl: string; client: string }

export type PageRefs = {
  stylesheets: string[]
  /** Classic scripts without async or defer: they stop the parser. */
  blockingScripts: string[]
  moduleScripts: string[]
  /** Images loaded eagerly, and anything preloaded: fetched before first render. */
  eager: string[]
  islands: Island[]
  inlineCss: number
  inlineJs: number
}

const attribute = (tag: string, name: string): string | undefined =>
  tag.match(new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`, 'i'))?.[2]?.replace(/&amp;/g, '&')
const hasAttribute = (tag: string, name: string) => new RegExp(`\\s${name}(\\s|=|>|/)`, 'i').test(tag)

/** What a page's HTML makes the browser fetch, and the CSS and JS it carries inline. */
export function pageRefs(html: string): PageRefs {
  const refs: PageRefs = { stylesheets: [], blockingScripts: [], moduleScripts: [], eager: [], islands: [], inlineCss: 0, inlineJs: 0 }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel')?.toLowerCase() ?? ''
    const href = attribute(tag, 'href')
    if (!href) continue
    if (rel === 'stylesheet') refs.stylesheets.push(href)
    else if (rel === 'preload') refs.eager.push(href)
    else if (rel === 'modulepreload') refs.moduleScripts.push(href)
  }
  for (const [, tag, body] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi)) {
    const src = attribute(tag!, 'src')
    const isModule = attribute(tag!, 'type') === 'module'
    if (!src) {
      // JSON islands data and the like are not code.
      if (!attribute(tag!, 'type') || isModule) refs.inlineJs += Buffer.byteLength(body!)
    } else if (isModule || hasAttribute(tag!, 'async') || hasAttribute(tag!, 'defer')) refs.moduleScripts.push(src)
    else refs.blockingScripts.push(src)
  }
  for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) refs.inlineCss += Buffer.byteLength(body!)
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = attribute(tag, 'src')
    if (src && attribute(tag, 'loading') !== 'lazy') refs.eager.push(src)
  }
  for (const [tag] of html.matchAll(/<astro-island\b[^>]*>/gi)) {
    refs.islands.push({
      componentUrl: attribute(tag, 'component-url') ?? '',
      rendererUrl: attribute(tag, 'renderer-url') ?? '',
      client: attribute(tag, 'client') ?? 'only',
    })
  }
  return refs
}

/** The static imports of an ES module (not its dynamic import() calls), as URLs. */
export function staticImports(code: string, url: string): string[] {
  const found = [...code.matchAll(/(?:\bfrom|\bimport)\s*(["'])([^"']+\.m?js)\1/g)].map((m) => m[2]!)
  return found.map((spec) => new URL(spec, `http://center.local${url}`).pathname)
}

/** Every JS file a set of module URLs pulls in through static imports, read from the build folder. */
export function moduleClosure(root: string, urls: string[]): string[] {
  const seen = new Set<string>()
  const queue = urls.filter(Boolean)
  while (queue.length) {
    const url = queue.pop()!
    if (seen.has(url)) continue
    seen.add(url)
    const file = join(root, url)
    if (existsSync(file)) queue.push(...staticImports(readFileSync(file, 'utf8'), url))
  }
  return [...seen]
}

export type PageWeight = {
  page: string
  html: Sizes
  /** CSS in <style> and JS in <script> inside the HTML, raw bytes (already counted in html). */
  inlineCss: number
  inlineJs: number
  css: Sizes
  /** JS fetched while the page loads: module scripts and islands that hydrate on load, idle or visible. */
  js: Sizes
  /** JS fetched only when the user interacts (islands hydrated on the first keystroke). */
  jsOnInteraction: Sizes
  /** HTML, CSS and JS bytes fetched while loading, each file compressed on its own. */
  total: Sizes
  requestsFirstRender: number
  requestsOnLoad: number
}

const sizeCache = new Map<string, Sizes>()
/** One file's sizes; shared files (the React runtime, island chunks) are compressed once, not once per page. */
function fileSize(file: string): Sizes {
  let known = sizeCache.get(file)
  if (!known) sizeCache.set(file, (known = sizes(existsSync(file) ? readFileSync(file) : '')))
  return known
}
const fileSizes = (root: string, urls: string[]): Sizes => addSizes(...urls.map((url) => fileSize(join(root, url))))

/** The weight of one built page; `root` is the build folder the site's URLs start from. */
export function weighPage(root: string, page: string): PageWeight {
  const htmlText = readFileSync(join(root, page), 'utf8')
  const refs = pageRefs(htmlText)
  const loading = refs.islands.filter((island) => island.client !== 'typing')
  const waiting = refs.islands.filter((island) => island.client === 'typing')
  const loadJs = moduleClosure(root, [
    ...refs.blockingScripts,
    ...refs.moduleScripts,
    ...loading.flatMap((i) => [i.componentUrl, i.rendererUrl]),
  ])
  const interactionJs = moduleClosure(
    root,
    waiting.flatMap((i) => [i.componentUrl, i.rendererUrl]),
  ).filter((url) => !loadJs.includes(url))
  const html = sizes(htmlText)
  const css = fileSizes(root, refs.stylesheets)
  const js = fileSizes(root, loadJs)
  const firstRender = 1 + refs.stylesheets.length + refs.blockingScripts.length + refs.eager.length
  return {
    page,
    html,
    inlineCss: refs.inlineCss,
    inlineJs: refs.inlineJs,
    css,
    js,
    jsOnInteraction: fileSizes(root, interactionJs),
    total: addSizes(html, css, js),
    requestsFirstRender: firstRender,
    requestsOnLoad: firstRender + loadJs.filter((url) => !refs.blockingScripts.includes(url)).length,
  }
}

export type TypeWeight = { type: PageType; pages: number; medianTotalGzip: number; largest: PageWeight }

/**
 * The weight of every page type across some builds: how many pages, the median compressed total,
 * and the figures of the heaviest page (by gzip total), since the aim holds for every page.
 */
export function weighBuilds(builds: { root: string; tenant: string }[]): TypeWeight[] {
  const byType = new Map<PageType, PageWeight[]>()
  for (const { root, tenant } of builds) {
    for (const locale of readdirSync(join(root, tenant))) {
      const localeDir = join(root, tenant, locale)
      if (!existsSync(join(localeDir, 'index.html'))) continue
      for (const file of readdirSync(localeDir, { recursive: true, encoding: 'utf8' })) {
        const type = file.endsWith('index.html') ? pageType(file) : undefined
        if (!type) continue
        byType.set(type, [...(byType.get(type) ?? []), weighPage(root, [tenant, locale, file].join(sep))])
      }
    }
  }
  return pageTypes.flatMap((type) => {
    const weights = byType.get(type) ?? []
    if (!weights.length) return []
    const largest = weights.reduce((a, b) => (b.total.gzip > a.total.gzip ? b : a))
    return [
      {
        type,
        pages: weights.length,
        medianTotalGzip: percentile(
          weights.map((w) => w.total.gzip),
          50,
        ),
        largest,
      },
    ]
  })
}
