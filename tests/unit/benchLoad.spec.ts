import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'

import { paced } from '../../scripts/bench/load'

let server: Server | undefined

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  server = undefined
})

/** A server that answers each request after `holdMs`, noting when each arrived (ms after the first). */
async function serve(holdMs: number): Promise<{ origin: string; arrivals: number[] }> {
  const arrivals: number[] = []
  let first: number | undefined
  server = createServer((request, response) => {
    const now = performance.now()
    first ??= now
    arrivals.push(now - first)
    request.resume()
    setTimeout(() => response.end('{}'), holdMs)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, arrivals }
}

describe('the paced load of center bench', () => {
  test('clients together offer the rate evenly, not in bursts each second', async () => {
    const { origin, arrivals } = await serve(0)
    const figures = await paced(origin, 'GET /', { clients: 20, perSecond: 100, seconds: 1, next: () => ({ method: 'GET', path: '/' }) })
    expect(figures.requests).toBe(100)
    expect(figures.errors).toBe(0)
    expect(figures.statuses).toEqual({ 200: 100 })
    // 100 a second, evenly: about 20 in each fifth of a second (a once-a-second burst would put all 100 in the first).
    const fifths = Array.from({ length: 5 }, (_, i) => arrivals.filter((at) => at >= i * 200 && at < (i + 1) * 200).length)
    expect(Math.max(...fifths)).toBeLessThanOrEqual(40)
    expect(Math.min(...fifths)).toBeGreaterThanOrEqual(8)
  })

  test('a response time counts from when the request was due, so a server that falls behind is charged for the wait', async () => {
    // One client due every 100 ms, and a server that takes 150 ms: each request starts later than the last.
    const { origin } = await serve(150)
    const figures = await paced(origin, 'GET /', { clients: 1, perSecond: 10, seconds: 1, next: () => ({ method: 'GET', path: '/' }) })
    expect(figures.requests).toBe(10)
    // The tenth was due at 900 ms and answered at about 1,500 ms; timed from when it was sent it would be 150 ms.
    expect(figures.latencyMs.p99).toBeGreaterThan(500)
    expect(figures.latencyMs.p50).toBeGreaterThan(300)
  })
})
