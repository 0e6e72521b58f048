import type { PayloadRequest } from 'payload'
import { RateLimiterMemory } from 'rate-limiter-flexible'

/** The Center API's error answer: a stable machine-readable `error` code and a sentence for people. */
export const refuse = (status: number, error: string, message: string, headers?: HeadersInit) => Response.json({ error, message }, { status, headers })

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

/** Who is calling, for rate limits: the first address a proxy forwarded, else the peer Next saw. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded || headers.get('x-real-ip') || 'unknown'
}

/**
 * A per-client rate limit for a public endpoint: `points` requests per `seconds`. Calling the
 * returned function answers a 429 to send back, or undefined when the request may go on.
 * Counters live in this process; behind several CMS nodes each node limits on its own.
 */
export function rateLimit(name: string, points: number, seconds: number) {
  const limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: seconds })
  return async (req: Pick<PayloadRequest, 'headers'>): Promise<Response | undefined> => {
    try {
      await limiter.consume(clientAddress(req.headers))
      return undefined
    } catch (rejection) {
      if (rejection instanceof Error) throw rejection
      const retryAfter = Math.ceil((rejection as { msBeforeNext: number }).msBeforeNext / 1000)
      return refuse(429, 'rate-limited', `Too many requests; try again in ${retryAfter} s.`, { 'Retry-After': String(retryAfter) })
    }
  }
}
