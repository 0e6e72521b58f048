import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import sirv from 'sirv'

import { liveDir } from '../../cms/publish/buildSite'
import { headersFileName, headersFor, parseHeaders, type HeaderRule } from '../../cms/publish/headers'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A plain page listing every live tenant and its locales, for local use. */
export function tenantIndex(dir: string): string {
  const tenants = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => !name.endsWith('.tmp'))
        .sort()
    : []
  const items = tenants.map((slug) => {
    const locales = readdirSync(join(dir, slug)).filter((name) => existsSync(join(dir, slug, name, 'index.html')))
    const links = locales.map((l) => `<a href="/${escapeHtml(slug)}/${escapeHtml(l)}/">${escapeHtml(l)}</a>`).join(' · ')
    return `<li><strong>${escapeHtml(slug)}</strong>: ${links}</li>`
  })
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Center: tenants</title></head><body><main><h1>Center tenants</h1><ul>${items.join('')}</ul></main></body></html>`
}

/** The not-found page of the tenant and locale a path is under (/<tenant>/<locale>/...), if that build has one. */
export function notFoundPage(dir: string, url: string): string | null {
  const [tenant, locale] = new URL(url, 'http://localhost').pathname.split('/').slice(1, 3)
  // Slugs and locale codes are plain letters, digits and hyphens: anything else names no page.
  if (!tenant || !locale || ![tenant, locale].every((part) => /^[A-Za-z0-9-]+$/.test(part))) return null
  const page = join(dir, tenant, locale, '404', 'index.html')
  return existsSync(page) ? page : null
}

/** The tenant-index page's policy: it has no script, style or image. */
const indexHeaders = {
  'content-security-policy': "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
}

/**
 * The headers each tenant's build asks for in its `_headers` file, read once per live build: the
 * cache is keyed by the build the tenant's live link points at, so a switch brings the new rules.
 */
export function tenantHeaderRules(dir: string) {
  const cache = new Map<string, HeaderRule[]>()
  return (pathname: string): Record<string, string> => {
    const tenant = pathname.split('/')[1]
    if (!tenant || !/^[A-Za-z0-9-]+$/.test(tenant) || !existsSync(join(dir, tenant, headersFileName))) return {}
    const build = realpathSync(join(dir, tenant))
    let rules = cache.get(build)
    if (!rules) {
      rules = parseHeaders(readFileSync(join(build, headersFileName), 'utf8'))
      cache.set(build, rules)
    }
    return headersFor(rules, pathname)
  }
}

/** A path segment percent-decoded; one with broken encoding stays as it came (sirv cannot decode it either). */
function decodedOrRaw(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch (error) {
    if (error instanceof URIError) return segment
    throw error
  }
}

/**
 * Whether a request path names the headers file in any spelling a file server could map onto it:
 * percent-encoded (`%5fheaders`, `_header%73`), with an encoded slash, or in another case.
 */
export function namesHeadersFile(pathname: string): boolean {
  return pathname
    .split('/')
    .flatMap((segment) => decodedOrRaw(segment).split(/[\\/]/))
    .some((name) => name.toLowerCase() === headersFileName)
}

const setHeaders = (res: ServerResponse, headers: Record<string, string>) =>
  Object.entries(headers).forEach(([name, value]) => res.setHeader(name, value))

export type RunningSite = { url: string; server: Server; close: () => Promise<void> }

/** The address local servers listen on: HOST (e.g. 0.0.0.0 for every interface), else loopback only. */
export const listenHost = (env: Record<string, string | undefined> = process.env): string => env.HOST?.trim() || '127.0.0.1'

/**
 * Serves every tenant's live build. Files are looked up per request (sirv's dev mode), so a
 * rebuild's atomic link switch is visible at once without a restart. A browser that accepts
 * Brotli or gzip gets the copy the build wrote beside the file (see precompress).
 */
export function startSite(port: number, dir = liveDir, host = listenHost()): Promise<RunningSite> {
  const files = sirv(dir, { dev: true, etag: true, brotli: true, gzip: true })
  const headersOf = tenantHeaderRules(dir)
  const server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...indexHeaders })
      return res.end(tenantIndex(dir))
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    setHeaders(res, headersOf(pathname))
    const notFound = () => {
      const page = notFoundPage(dir, req.url ?? '/')
      if (page) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
        res.end(readFileSync(page))
      } else {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        res.end('Not found')
      }
    }
    // The headers file is for this server and the CDN, not for browsers.
    if (namesHeadersFile(pathname)) return notFound()
    files(req, res, notFound)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo
      resolve({ url: `http://localhost:${actual}`, server, close: () => new Promise((done) => server.close(() => done())) })
    })
  })
}
