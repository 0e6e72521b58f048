import { useSyncExternalStore } from 'react'

import { askHostForToken } from '../../lib/hostBridge'
import { keepToken, tenantOf } from '../../lib/token'

/** Where the page's session stands: in use, being renewed by the host app, or ended with no host to renew it. */
export type Session = 'active' | 'renewing' | 'ended'

// One session per page: every island on it shares the token, so one request to the host serves them all.
let session: Session = 'active'
let asking: Promise<string | null> | null = null
let renewedAt = 0
const listeners = new Set<() => void>()

function set(next: Session) {
  session = next
  listeners.forEach((listener) => listener())
}

/** Asks the host app for a fresh token (once, however many islands ask), keeps it for the tab and resolves with it, or null. */
export function renewSession(hostOrigins: readonly string[]): Promise<string | null> {
  if (asking) return asking
  // Ended stays ended (the user is told to reopen the page from the app) until a token comes in the address bar.
  if (session === 'ended') return Promise.resolve(null)
  // A host whose fresh token is refused at once would be asked forever: one renewal per ten seconds.
  if (Date.now() - renewedAt < 10_000) {
    set('ended')
    return Promise.resolve(null)
  }
  set('renewing')
  asking = askHostForToken(tenantOf(window.location.pathname), hostOrigins).then((answer) => {
    asking = null
    if (answer?.kind !== 'token') {
      set('ended')
      return null
    }
    keepToken(answer.token)
    renewedAt = Date.now()
    set('active')
    return answer.token
  })
  return asking
}

/** The session a token arriving in the address bar starts again. */
export const sessionRestarted = () => set('active')

/** The page's session state, re-rendering when it changes. */
export function useSession(): Session {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => session,
    () => 'active',
  )
}
