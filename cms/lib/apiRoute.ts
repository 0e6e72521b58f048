import type { Payload } from 'payload'

import { refusingBadInput } from './badInput'
import { requestIdFrom, withRequestId } from './requestContext'
import { rateLimit } from './requests'

type RouteHandler<C> = (request: Request, context: C) => Promise<Response>

/** Sign-in and password-reset requests: a per-client limit; failed sign-ins are also limited per account (cms/lib/signInLimits.ts). */
const signInPaths = /\/api\/users\/(login|forgot-password|reset-password)\/?$/
const limitSignIn = rateLimit('sign-in', 30, 60)
/** Load balancers probe these every few seconds: logged at debug level only. */
const probePaths = /\/api\/(health|ready)\/?$/

/**
 * Wraps a Next route handler of the Center API: gives the request an id (the caller's
 * `x-request-id` or a new one) that every log line written meanwhile carries and the answer echoes,
 * rate-limits sign-in, refuses bad input Payload would answer with a 500 (see guardBadInput), and
 * logs one line per request with its status and duration.
 */
export function apiRoute<C>(route: RouteHandler<C>, payload: () => Promise<Payload>): RouteHandler<C> {
  const handler = refusingBadInput(route, payload)
  return (request, context) => {
    const requestId = requestIdFrom(request.headers)
    return withRequestId(requestId, async () => {
      const started = performance.now()
      const path = new URL(request.url).pathname
      const line = { method: request.method, path }
      const instance = await payload()
      const { logger } = instance
      let response: Response
      try {
        const limited =
          request.method === 'POST' && signInPaths.test(path)
            ? await limitSignIn({ headers: request.headers, payload: instance })
            : undefined
        response = limited ?? (await handler(request, context))
      } catch (error) {
        logger.error({ ...line, err: error, ms: Math.round(performance.now() - started) }, 'request failed')
        throw error
      }
      const status = response.status
      logger[probePaths.test(path) ? 'debug' : 'info']({ ...line, status, ms: Math.round(performance.now() - started) }, 'request')
      // A copy: some answers (redirects) have immutable headers.
      const headers = new Headers(response.headers)
      headers.set('x-request-id', requestId)
      return new Response(response.body, { status, statusText: response.statusText, headers })
    })
  }
}
