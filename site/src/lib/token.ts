const storageKey = 'center.token'

/** The user token in a URL fragment like "#token=abc", or null. */
export function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') || null
}

/**
 * Takes the token the MPP app put in the URL fragment, keeps it for this tab only and removes
 * it from the address bar, so it is never bookmarked, shared or logged.
 */
export function takeToken(win: Window = window): string | null {
  const fromHash = tokenFromHash(win.location.hash)
  if (fromHash) {
    win.sessionStorage.setItem(storageKey, fromHash)
    win.history.replaceState(null, '', win.location.pathname + win.location.search)
    return fromHash
  }
  return win.sessionStorage.getItem(storageKey)
}
