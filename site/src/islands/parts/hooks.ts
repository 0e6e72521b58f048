import { useCallback, useEffect, useRef, useState } from 'react'

import { createMppClient, type MppClient } from '../../../../mpp/contract/client'
import { hashParam, takeToken, tokenFromHash } from '../../lib/token'
import { renewSession, sessionRestarted, useSession } from './session'

/** No host may frame the page: a native webview's bridge is the only way to a fresh token. */
const noHosts: readonly string[] = []

/**
 * The MPP client for the user's token, asking in the page's locale: undefined until the token is read, null without one.
 * `renew` asks the host app for a fresh token (see useTokenClient); either way islands reload with the new client.
 */
export function useMppClient(apiBaseUrl: string, locale: string, hostOrigins: readonly string[] = noHosts) {
  return useTokenClient(
    useCallback((token: string): MppClient => createMppClient({ baseUrl: apiBaseUrl, token, locale }), [apiBaseUrl, locale]),
    hostOrigins,
  )
}

/**
 * A client made for the user's token (see useMppClient): undefined until the token is read, null without one.
 * `renew`, for a token the MPP refused, asks the host app through the bridge (docs/host-bridge.md) and
 * makes a new client when it answers; a new token arriving in the fragment renews it too. `session`
 * says whether a renewal is under way or found no host.
 */
export function useTokenClient<C>(make: (token: string) => C, hostOrigins: readonly string[] = noHosts) {
  const [client, setClient] = useState<C | null>()
  const session = useSession()
  const read = useCallback(() => {
    const token = takeToken()
    setClient(token ? make(token) : null)
  }, [make])
  const renew = useCallback(() => {
    void renewSession(hostOrigins).then((token) => {
      if (token) setClient(make(token))
    })
  }, [make, hostOrigins])
  useEffect(() => {
    read()
    const onHashChange = () => {
      if (!tokenFromHash(window.location.hash)) return
      sessionRestarted()
      read()
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [read])
  return { client, renew, session }
}

/** One parameter of the URL fragment, kept up to date as the user follows "#…" links and goes back. */
export function useHashParam(name: string): string | null {
  const [value, setValue] = useState<string | null>(null)
  useEffect(() => {
    const read = () => setValue(hashParam(window.location.hash, name))
    read()
    window.addEventListener('hashchange', read)
    return () => window.removeEventListener('hashchange', read)
  }, [name])
  return value
}

/**
 * A ref for a sentinel element that calls `onVisible` when it scrolls into view. Give the
 * sentinel a new key after each page, so a sentinel that stays in view asks again.
 */
export function useInfiniteScroll(onVisible: () => void) {
  const latest = useRef(onVisible)
  latest.current = onVisible
  return useCallback((element: HTMLElement | null) => {
    if (!element || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) latest.current()
      },
      { rootMargin: '200px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
}

/** Moves focus to an element when it first appears, so keyboard and screen reader users land on the new view. */
export function useFocusOnMount<T extends HTMLElement>() {
  return useCallback((element: T | null) => {
    element?.focus()
  }, [])
}
