/** The tenant whose Center a path is in: "/hoshi/ja/bills/" is hoshi's. */
export const tenantOf = (pathname: string): string => pathname.split('/')[1] ?? ''

/** Where a tab keeps the token of the tenant whose page it shows: tenants share an origin, so each gets its own key. */
export const storageKey = (pathname: string): string => `center.token:${tenantOf(pathname)}`

/** One parameter of a URL fragment like "#bill=abc&token=xyz", or null. */
export function hashParam(hash: string, name: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(name) || null
}

/** The user token in a URL fragment like "#token=abc", or null. */
export const tokenFromHash = (hash: string): string | null => hashParam(hash, 'token')

/** A URL fragment without its token, keeping any other parameter ("#token=x&bill=1" is "#bill=1"). */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  params.delete('token')
  const rest = params.toString()
  return rest ? `#${rest}` : ''
}

/**
 * Takes the token the MPP app put in the URL fragment, keeps it for this tab only and removes
 * it from the address bar, so it is never bookmarked, shared or logged. A deep link beside it
 * ("#token=…&bill=…") stays.
 */
export function takeToken(win: Pick<Window, 'location' | 'history' | 'sessionStorage'> = window): string | null {
  const key = storageKey(win.location.pathname)
  const fromHash = tokenFromHash(win.location.hash)
  if (fromHash) {
    win.sessionStorage.setItem(key, fromHash)
    win.history.replaceState(win.history.state, '', win.location.pathname + win.location.search + hashWithoutToken(win.location.hash))
    return fromHash
  }
  return win.sessionStorage.getItem(key)
}

/** Keeps a token the host app handed over through the bridge for this tab, never in the address bar. */
export function keepToken(token: string, win: Pick<Window, 'location' | 'sessionStorage'> = window): void {
  win.sessionStorage.setItem(storageKey(win.location.pathname), token)
}
