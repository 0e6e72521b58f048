/** The site's public origin when CENTER_SITE_URL is not set: `center start`'s static server. */
const localSite = 'http://localhost:4321'

/**
 * The origins whose pages may call the Center API from the browser (CORS allowlist): every
 * origin in CENTER_SITE_ORIGINS (comma-separated), else the origin of CENTER_SITE_URL.
 */
export function siteOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const listed = env.CENTER_SITE_ORIGINS?.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  const origins = listed?.length ? listed : [env.CENTER_SITE_URL || localSite]
  return origins.map((origin) => new URL(origin).origin)
}

/** The Center API's public base URL that built pages call (rewards, feedback), without a trailing slash. */
export function centerApiUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.CENTER_API_URL || `http://localhost:${env.CMS_PORT || 3000}/api`).replace(/\/+$/, '')
}

/**
 * The origins the admin is served from, whose pages may use a signed-in editor's cookie (Payload's
 * CSRF allow-list): the origin of CENTER_API_URL, the CMS's public URL. A local CMS answers on
 * both localhost and 127.0.0.1.
 */
export function cmsOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const own = new URL(centerApiUrl(env))
  const aliases = own.hostname === 'localhost' ? [`${own.protocol}//127.0.0.1${own.port ? `:${own.port}` : ''}`] : []
  return [own.origin, ...aliases]
}
