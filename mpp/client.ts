/**
 * The typed MPP API client that the islands use. Every answer is parsed against the contract's
 * schemas: an MPP that times out or answers garbage becomes an MppError with a reason, never a crash.
 */
import { billPageSchema, problemSchema, type BillPage, type BillStatus } from './schema'

export type MppErrorKind = 'unauthorized' | 'not-found' | 'unavailable' | 'invalid-response'

export class MppError extends Error {
  constructor(readonly kind: MppErrorKind, message: string) {
    super(message)
  }
}

export type MppClientOptions = { baseUrl: string; token: string; timeoutMs?: number; fetch?: typeof fetch }

export function createMppClient({ baseUrl, token, timeoutMs = 10_000, fetch: fetchImpl = fetch }: MppClientOptions) {
  async function get<T>(path: string, parse: (data: unknown) => T): Promise<T> {
    let response: Response
    try {
      response = await fetchImpl(`${baseUrl.replace(/\/$/, '')}${path}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch {
      throw new MppError('unavailable', 'The wallet service did not answer.')
    }
    const data: unknown = await response.json().catch(() => undefined)
    if (!response.ok) {
      const problem = problemSchema.safeParse(data)
      const reason = problem.success ? problem.data.detail ?? problem.data.title : `HTTP ${response.status}`
      if (response.status === 401) throw new MppError('unauthorized', reason)
      if (response.status === 404) throw new MppError('not-found', reason)
      throw new MppError('unavailable', reason)
    }
    try {
      return parse(data)
    } catch {
      throw new MppError('invalid-response', 'The wallet service answered with data the Center cannot read.')
    }
  }

  return {
    /** One page of the user's bills, newest first. */
    listBills(options: { status?: BillStatus; cursor?: string | null; limit?: number } = {}): Promise<BillPage> {
      const query = new URLSearchParams()
      if (options.status) query.set('status', options.status)
      if (options.cursor) query.set('cursor', options.cursor)
      if (options.limit) query.set('limit', String(options.limit))
      const suffix = query.size ? `?${query}` : ''
      return get(`/v1/bills${suffix}`, (data) => billPageSchema.parse(data))
    },
  }
}

export type MppClient = ReturnType<typeof createMppClient>
