import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

type RequestContext = { requestId: string }

const storageKey = Symbol.for('center.requestContext')
/** One store per process: Next may bundle this module more than once (routes, the Payload config). */
const storage: AsyncLocalStorage<RequestContext> = ((globalThis as Record<symbol, unknown>)[storageKey] ??=
  new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>

/** The request's id: the caller's or the proxy's `x-request-id` when it is a plain token, else a new UUID. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get('x-request-id')?.trim()
  return given && /^[\w.:@-]{1,128}$/.test(given) ? given : randomUUID()
}

/** Fields of the request being handled, merged into every log line written while handling it. */
export function requestLogFields(): { requestId?: string } {
  const context = storage.getStore()
  return context ? { requestId: context.requestId } : {}
}

/** Runs work as part of a request, so that its log lines carry the request's id. */
export const withRequestId = <T>(requestId: string, work: () => T): T => storage.run({ requestId }, work)
