import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The name of the per-tenant headers file in a build: the `_headers` format Netlify and Cloudflare Pages read. */
export const headersFileName = '_headers'

export type HeaderRule = { pattern: string; headers: [name: string, value: string][] }

const decodeEntities = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The Content-Security-Policy a built page declares in its `<meta http-equiv>` (Astro writes one per page). */
export function pagePolicy(html: string): string | undefined {
  const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html)
  return meta ? decodeEntities(meta[1]!) : undefined
}

/** One policy covering several: each directive allows the union of its sources, in first-seen order. */
export function mergePolicies(policies: string[]): string {
  const directives = new Map<string, Set<string>>()
  for (const policy of policies) {
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/)
      if (!name) continue
      const known = directives.get(name.toLowerCase()) ?? new Set<string>()
      sources.forEach((source) => known.add(source))
      directives.set(name.toLowerCase(), known)
    }
  }
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ')
}

/**
 * Who may frame the Center (CSP frame-ancestors): CENTER_FRAME_ANCESTORS, space-separated origins,
 * or 'none'. Wallets open the Center as a top-level page in their webview, so by default nobody may.
 */
export function frameAncestors(env: Record<string, string | undefined> = process.env): string {
  const listed = env.CENTER_FRAME_ANCESTORS?.split(/[\s,]+/).filter(Boolean) ?? []
  for (const origin of listed) {
    if (origin !== "'self'" && !/^https?:\/\/[^/\s;]+$/.test(origin))
      throw new Error(`CENTER_FRAME_ANCESTORS must list origins (https://wallet.example) or 'self', not "${origin}"`)
  }
  return listed.length ? listed.join(' ') : "'none'"
}

export type TenantHeaderOptions = { siteUrl?: string; frameAncestors?: string }

/**
 * The response headers of every file under /<tenant>/: the union of its pages' policies plus
 * frame-ancestors (which a `<meta>` cannot carry), and the usual hardening. HSTS only when the
 * site's public URL is HTTPS: a browser would refuse a plain-HTTP local site after seeing it.
 */
export function tenantHeaders(policies: string[], options: TenantHeaderOptions = {}): [string, string][] {
  const ancestors = options.frameAncestors ?? frameAncestors()
  const headers: [string, string][] = [
    ['Content-Security-Policy', `${mergePolicies(policies)}; frame-ancestors ${ancestors}`],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ]
  if (ancestors === "'none'") headers.push(['X-Frame-Options', 'DENY'])
  if (options.siteUrl?.startsWith('https://')) headers.push(['Strict-Transport-Security', 'max-age=31536000'])
  return headers
}

/** Rules in the `_headers` format: a path pattern on its own line, then indented `Name: value` lines. */
export function formatHeaders(rules: HeaderRule[]): string {
  return (
    rules.map(({ pattern, headers }) => [pattern, ...headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n')).join('\n\n') + '\n'
  )
}

/** Reads a `_headers` file back into rules; `#` comments and blank lines are skipped. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = []
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] })
      continue
    }
    const colon = line.indexOf(':')
    const rule = rules.at(-1)
    if (!rule || colon < 0) throw new Error(`A headers file line must be "  Name: value" under a path: "${line.trim()}"`)
    rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()])
  }
  return rules
}

/** Whether a `_headers` path pattern (`*` matches anything, including slashes) covers a URL path. */
export function patternMatches(pattern: string, pathname: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`).test(pathname)
}

/** The headers the rules give a URL path; a later rule's header replaces an earlier one of the same name. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const rule of rules) if (patternMatches(rule.pattern, pathname)) for (const [name, value] of rule.headers) out[name] = value
  return out
}

/**
 * The paths under /<tenant>/ whose responses are documents or workers: pages (their URLs end in a
 * slash, or name the HTML file) and the service worker. Only these carry the Content-Security-Policy,
 * which browsers ignore on scripts, styles, JSON and images: there its 2 KB of hashes would only
 * slow each download down on a phone (the results page's first answer: Lighthouse LCP 1.30 s → 1.15 s).
 */
const documentPatterns = (slug: string) => [`/${slug}/`, `/${slug}/*/`, `/${slug}/*.html`, `/${slug}/sw.js`]

/**
 * Writes `<tenant>/_headers` into a finished build: what the static server sends, and what a CDN
 * that reads this format (or a rule copied from it) sends in production. The hardening headers go
 * with every file, the Content-Security-Policy with documents and the service worker.
 */
export function writeTenantHeaders(outDir: string, slug: string, options: TenantHeaderOptions = {}): HeaderRule[] {
  const tenantDir = join(outDir, slug)
  const policies = readdirSync(tenantDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .flatMap((name) => pagePolicy(readFileSync(join(tenantDir, name), 'utf8')) ?? [])
  if (!policies.length) throw new Error(`The build of "${slug}" has no page with a Content-Security-Policy`)
  const headers = tenantHeaders(policies, options)
  const policy = headers.filter(([name]) => name === 'Content-Security-Policy')
  const rules: HeaderRule[] = [
    { pattern: `/${slug}/*`, headers: headers.filter((header) => !policy.includes(header)) },
    ...documentPatterns(slug).map((pattern) => ({ pattern, headers: policy })),
  ]
  writeFileSync(
    join(tenantDir, headersFileName),
    `# Response headers for /${slug}/ (Netlify/Cloudflare _headers format), written by center build.\n${formatHeaders(rules)}`,
  )
  return rules
}
