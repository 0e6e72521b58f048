import { useCallback, useEffect, useRef, useState } from 'react'

import { createMppClient, type MppClient } from '../../../../mpp/contract/client'
import { hashParam, takeToken, tokenFromHash } from '../../lib/token'

/**
 * The MPP client for the user's token, asking in the page's locale: undefined until the token is read, null without one.
 * `renew` reads the token again, and a new token arriving in the fragment renews it by itself;
 * either way islands reload with the new client.
 */
export function useMppClient(apiBaseUrl: string, locale: string) {
  return useTokenClient(
    useCallback((token: string): MppClient => createMppClient({ baseUrl: apiBaseUrl, token, locale }), [apiBaseUrl, locale]),
  )
}

/** A client made for the user's token (see useMppClient): undefined until the token is read, null without one. */
export function useTokenClient<C>(make: (token: string) => C) {
  const [client, setClient] = useState<C | null>()
  const renew = useCallback(() => {
    const token = takeToken()
    setClient(token ? make(token) : null)
  }, [make])
  useEffect(() => {
    renew()
    const onHashChange = () => {
      if (tokenFromHash(window.location.hash)) renew()
    }
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [renew])
  return { client, renew }
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
