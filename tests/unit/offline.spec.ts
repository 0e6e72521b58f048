import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'

import { serviceWorkerSource } from '../../site/src/lib/offline'

type Handler = (event: { request: Request; respondWith: (answer: Promise<Response>) => void }) => void

/** The tenant's worker run in a sandbox with no network and a cache holding `kept` (path → page text). */
function offlineWorker(kept: Record<string, string>) {
  const handlers: Record<string, Handler> = {}
  const cache = {
    match: async (request: Request | string) => {
      const path = new URL(typeof request === 'string' ? request : request.url, 'https://center.example').pathname
      return path in kept ? new Response(kept[path]) : undefined
    },
    put: async () => undefined,
  }
  runInNewContext(serviceWorkerSource({ tenant: 'lumopay', version: 'v1', precache: [] }), {
    self: { addEventListener: (type: string, handler: Handler) => (handlers[type] = handler) },
    caches: { open: async () => cache },
    fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    location: { origin: 'https://center.example' },
    URL,
  })
  return async (path: string, mode: RequestMode = 'navigate') => {
    let answer: Promise<Response> | undefined
    const request = { method: 'GET', url: `https://center.example${path}`, mode } as Request
    handlers.fetch!({ request, respondWith: (promise) => (answer = promise) })
    return answer!.then((response) => response.text())
  }
}

describe('the offline service worker', () => {
  test('offline, a page kept from an earlier visit opens as it was', async () => {
    const open = offlineWorker({ '/lumopay/en/guides/a/': 'guide a', '/lumopay/en/offline/': 'offline en' })
    expect(await open('/lumopay/en/guides/a/')).toBe('guide a')
  })

  test("offline, a page never kept gets its locale's offline page, not the home", async () => {
    const open = offlineWorker({
      '/lumopay/zh-Hant/': 'home zh-Hant',
      '/lumopay/zh-Hant/offline/': 'offline zh-Hant',
      '/lumopay/en/offline/': 'offline en',
    })
    expect(await open('/lumopay/zh-Hant/guides/never-seen/')).toBe('offline zh-Hant')
  })

  test('a build from before the offline page still falls back to the home, and a missing file is no page', async () => {
    const open = offlineWorker({ '/lumopay/en/': 'home en', '/lumopay/en/offline/': 'offline en' })
    expect(await offlineWorker({ '/lumopay/en/': 'home en' })('/lumopay/en/qas/')).toBe('home en')
    await expect(open('/lumopay/en/search.json', 'cors')).rejects.toThrow('Failed to fetch')
  })
})
