import type { Payload, PayloadRequest } from 'payload'
import { RateLimiterMemory, RateLimiterMongo, type RateLimiterRes } from 'rate-limiter-flexible'

import { problem, problemContentType, type Problem, type ProblemCode } from '../../content/problem'
import { outsideRequests } from './outsideRequests'

/** Sends a problem body (content/problem.ts) as `application/problem+json` with its status. */
export function problemResponse(body: Problem, headers?: HeadersInit): Response {
  const sent = new Headers(headers)
  sent.set('content-type', problemContentType)
  return new Response(JSON.stringify(body), { status: body.status, headers: sent })
}

/**
 * The Center API's error answer, RFC 9457 problem+json: a stable machine `code` (and its `type`
 * URI and title), the HTTP status and a `detail` sentence for people.
 */
export const refuse = (status: number, code: ProblemCode, detail: string, headers?: HeadersInit) =>
  problemResponse(problem(status, code, detail), headers)

/** Reads a request body as text, or answers undefined as soon as it passes `limit` bytes. */
export async function readCapped(req: PayloadRequest, limit: number): Promise<string | undefined> {
  if (Number(req.headers.get('content-length') ?? 0) > limit) return undefined
  if (!req.body) return ''
  const reader = (req.body as ReadableStream<Uint8Array>).getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The header the CMS server sets on every request to the address of its TCP peer
 * (cms/lib/peerAddress.ts), replacing whatever the caller sent under that name.
 */
export const peerAddressHeader = 'x-center-peer-address'

/**
 * How many proxies in front of the CMS append to X-Forwarded-For: TRUST_PROXY, a whole number,
 * 0 (the default) when the CMS faces clients directly and forwarded headers are not to be trusted.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUST_PROXY?.trim()
  if (!raw) return 0
  const hops = Number(raw)
  if (!Number.isInteger(hops) || hops < 0)
    throw new Error(`TRUST_PROXY must be the number of proxies in front of the CMS (0, 1, 2…), not "${raw}"`)
  return hops
}

/**
 * Who is calling, for rate limits: the socket's peer; with TRUST_PROXY=n, the address n hops from
 * the right of X-Forwarded-For plus the peer (what the outermost trusted proxy saw), so a caller
 * who sends their own X-Forwarded-For only adds entries left of the ones that count.
 */
export function clientAddress(headers: Headers, hops = trustedProxyHops()): string {
  const peer = headers.get(peerAddressHeader)
  if (!peer)
    throw new Error(`The request carries no ${peerAddressHeader} header: the CMS server stamps it from the socket (cms/instrumentation.ts)`)
  if (hops === 0) return peer
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const chain = [...forwarded, peer]
  return chain[Math.max(0, chain.length - 1 - hops)]!
}

type Limiter = RateLimiterMemory | RateLimiterMongo
type LimiterOptions = { name: string; points: number; seconds: number }
/** The part of Payload's database adapter that says where counters can be kept. */
export type LimiterDatabase = { name: string; connection?: unknown }

/** The MongoDB collection that holds every limit's counters, keyed by limit name and client. */
export const rateLimitCollection = 'rate-limits'

/**
 * The counter store for a limit: on MongoDB a collection shared by every CMS node, so a client
 * gets the limit once however many nodes answer it; on SQLite (one machine) this process's memory.
 */
export function limiterFor(db: LimiterDatabase, { name, points, seconds }: LimiterOptions): Limiter {
  if (db.name === 'mongoose') {
    return new RateLimiterMongo({ storeClient: db.connection, tableName: rateLimitCollection, keyPrefix: name, points, duration: seconds })
  }
  return new RateLimiterMemory({ keyPrefix: name, points, duration: seconds })
}

/** The seconds a refused caller should wait, from rate-limiter-flexible's rejection. */
export const retryAfterSeconds = (rejection: RateLimiterRes): number => Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))

/** Consumes a point for `key`: undefined when under the limit, the rejection when over; store failures are thrown. */
export async function overLimit(limiter: Limiter, key: string): Promise<RateLimiterRes | undefined> {
  try {
    // Outside the request: a new key starts an expiry timer that would otherwise hold the request.
    await outsideRequests(() => limiter.consume(key))
    return undefined
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection
    return rejection as RateLimiterRes
  }
}

/** A limit whose store is picked on first use, from the database the CMS instance runs on. */
export function sharedLimiter(options: LimiterOptions): (payload: Pick<Payload, 'db'>) => Limiter {
  let limiter: Limiter | undefined
  return (payload) => (limiter ??= limiterFor(payload.db as unknown as LimiterDatabase, options))
}

/**
 * A per-client rate limit for a public endpoint: `points` requests per `seconds`. Calling the
 * returned function answers a 429 to send back, or undefined when the request may go on.
 */
export function rateLimit(name: string, points: number, seconds: number) {
  const limiter = sharedLimiter({ name, points, seconds })
  return async (req: Pick<PayloadRequest, 'headers' | 'payload'>): Promise<Response | undefined> => {
    const rejection = await overLimit(limiter(req.payload), clientAddress(req.headers))
    if (!rejection) return undefined
    const retryAfter = retryAfterSeconds(rejection)
    return refuse(429, 'rate-limited', `Too many requests; try again in ${retryAfter} s.`, { 'Retry-After': String(retryAfter) })
  }
}
