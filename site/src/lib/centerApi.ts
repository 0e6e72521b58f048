/**
 * The Center API base URL the built pages call for rewards and feedback (CENTER_API_URL, set by
 * `center build` and `center start`), or undefined when the site is built with no CMS behind it.
 */
export function centerApiUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.CENTER_API_URL?.replace(/\/+$/, '') || undefined
}
