import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RateLimiterMemory, RateLimiterMongo } from 'rate-limiter-flexible'
import { describe, expect, test } from 'vitest'

import { stampPeerAddresses } from '../../cms/lib/peerAddress'
import { clientAddress, limiterFor, peerAddressHeader, rateLimit, rateLimitCollection, trustedProxyHops } from '../../cms/lib/requests'

const sqlite = { db: { name: 'sqlite' } } as never

/** The headers a request reaches a route handler with: the stamped socket peer, and what the caller or proxies forwarded. */
const arriving = (peer: string, forwarded?: string) =>
  new Headers({ [peerAddressHeader]: peer, ...(forwarded ? { 'x-forwarded-for': forwarded } : {}) })

describe('the client address that rate limits key on', () => {
  test("without TRUST_PROXY a caller's own X-Forwarded-For does not change the key: the socket's peer is the client", () => {
    expect(clientAddress(arriving('198.51.100.20', '203.0.113.5'), 0)).toBe('198.51.100.20')
    expect(clientAddress(arriving('198.51.100.20', '203.0.113.6, 203.0.113.7'), 0)).toBe('198.51.100.20')
  })

  test('with TRUST_PROXY=n the address n hops from the right counts, so entries a caller prepends are ignored', () => {
    // One load balancer (10.0.0.2) appended the caller's address to what the caller sent.
    expect(clientAddress(arriving('10.0.0.2', '6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7')
    // A CDN (10.0.0.1) in front of the load balancer.
    expect(clientAddress(arriving('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.1'), 2)).toBe('203.0.113.7')
  })

  test('a request the CMS server did not stamp with its socket address is an error, not a client to trust', () => {
    expect(() => clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.5' }), 0)).toThrow(peerAddressHeader)
  })

  test('TRUST_PROXY is a number of proxy hops, 0 when unset; anything else is refused by name', () => {
    expect(trustedProxyHops({})).toBe(0)
    expect(trustedProxyHops({ TRUST_PROXY: '2' })).toBe(2)
    expect(() => trustedProxyHops({ TRUST_PROXY: 'true' })).toThrow('TRUST_PROXY must be the number of proxies')
  })

  test('rotating X-Forwarded-For from one socket address does not dodge a limit', async () => {
    const limited = rateLimit('unit-rotating', 3, 60)
    const answers = []
    for (let i = 1; i <= 4; i++)
      answers.push((await limited({ headers: arriving('198.51.100.30', `203.0.113.${i}`), payload: sqlite }))?.status ?? 'let through')
    expect(answers).toEqual(['let through', 'let through', 'let through', 429])
  })
})

describe('the socket address over real HTTP', () => {
  /** Serves one request through the stamp, answering the client address its headers give. */
  async function addressSeen(send: Record<string, string>, localAddress: string): Promise<string> {
    stampPeerAddresses()
    const server = createServer((req: IncomingMessage, res) =>
      res.end(clientAddress(new Headers(req.headers as Record<string, string>), 0)),
    )
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      return await new Promise((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, localAddress, headers: send }, (res) => {
          let body = ''
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve(body))
        })
        req.on('error', reject)
        req.end()
      })
    } finally {
      server.close()
    }
  }

  test('a caller cannot forge the peer header or X-Forwarded-For: the key is the address it connected from', async () => {
    const forged = { [peerAddressHeader]: '203.0.113.99', 'x-forwarded-for': '203.0.113.98' }
    expect(await addressSeen(forged, '127.0.0.2')).toBe('127.0.0.2')
    expect(await addressSeen(forged, '127.0.0.3')).toBe('127.0.0.3')
  })
})

describe('where the counters live', () => {
  test("on SQLite (one machine) a limit counts in this process's memory", () => {
    expect(limiterFor({ name: 'sqlite' }, { name: 'feedback', points: 30, seconds: 60 })).toBeInstanceOf(RateLimiterMemory)
  })

  // No MongoDB server can run here: a stand-in connection records what the limiter asks of it.
  test('on MongoDB every CMS node counts in one shared collection, through the connection Payload already holds', async () => {
    const upserts: { collection: string; key: unknown }[] = []
    const connection = {
      collection: (name: string) => ({
        createIndex: async () => 'ok',
        findOneAndUpdate: async (where: { key: unknown }) => {
          upserts.push({ collection: name, key: where.key })
          return { key: where.key, points: 1, expire: new Date(Date.now() + 60_000) }
        },
      }),
    }
    const limiter = limiterFor({ name: 'mongoose', connection }, { name: 'feedback', points: 30, seconds: 60 })
    expect(limiter).toBeInstanceOf(RateLimiterMongo)
    await limiter.consume('203.0.113.5')
    expect(upserts).toEqual([{ collection: rateLimitCollection, key: 'feedback:203.0.113.5' }])
  })
})
