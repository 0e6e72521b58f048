import { createHash } from 'node:crypto'

/** A CSP source for an inline script or style: `sha256-<base64 digest>` of its exact text. */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text).digest('base64')}`
}

/**
 * The origin of a URL as a CSP source, or nothing when there is no URL. A host with characters a
 * source cannot hold (`;`, quotes, which URLs allow) is refused, so no URL can add a directive.
 */
export function originOf(url: string | undefined): string[] {
  if (!url) return []
  const { origin } = new URL(url)
  if (!/^https?:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d+)?$/.test(origin))
    throw new Error(`"${url}" cannot be allowed in a Content-Security-Policy: its host has characters no host name has`)
  return [origin]
}

export type CspOrigins = { mppApiBaseUrl: string; centerApiUrl?: string }

/**
 * The directives a tenant's pages carry besides `script-src` and `style-src`, which Astro fills
 * with hashes of the scripts and styles it emits. Pages fetch only their own search index, the
 * tenant's MPP API and the Center API; merchant logos come from the MPP or any HTTPS host. Video
 * and audio play only from the Center's own origin (tutorials are its own animation).
 * `frame-ancestors` cannot be set from a page: the static server and the CDN send it as a header.
 */
export function pageDirectives({ mppApiBaseUrl, centerApiUrl }: CspOrigins): string[] {
  const mpp = originOf(mppApiBaseUrl)
  const connect = [...new Set(["'self'", ...mpp, ...originOf(centerApiUrl)])]
  return [
    "default-src 'self'",
    `connect-src ${connect.join(' ')}`,
    `img-src ${[...new Set(["'self'", 'data:', 'https:', ...mpp])].join(' ')}`,
    "media-src 'self'",
    "font-src 'self'",
    // The tenant's offline service worker, /<tenant>/sw.js.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ]
}
