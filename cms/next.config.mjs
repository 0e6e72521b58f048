import { fileURLToPath } from 'node:url'
import { withPayload } from '@payloadcms/next/withPayload'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Headers on every admin page and API answer. HSTS only in a production build: browsers honour it
 * over HTTPS alone, which production terminates in front of the CMS (docs/deploy.md).
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  ...(process.env.NODE_ENV === 'production' ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000' }] : []),
]

/** Uploaded files (an SVG can hold a script) run nothing on the CMS origin: they are sandboxed documents. */
const mediaHeaders = [{ key: 'Content-Security-Policy', value: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox" }]

/** @type {import('next').NextConfig} */
const nextConfig = {
  outputFileTracingRoot: root,
  turbopack: { root },
  headers: async () => [
    { source: '/:path*', headers: securityHeaders },
    { source: '/api/media/file/:path*', headers: mediaHeaders },
  ],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
