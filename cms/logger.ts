import type { Config } from 'payload'

import { requestLogFields } from './lib/requestContext'

type LoggerOptions = Extract<NonNullable<Config['logger']>, { options: unknown }>['options']
type LogMethodHook = NonNullable<NonNullable<LoggerOptions['hooks']>['logMethod']>

/**
 * An error that is a refusal of the caller's request (4xx), not a fault of the CMS. GraphQL wraps
 * the refusal (Forbidden, NotFound, ValidationError) in a GraphQLError that carries it as `originalError`.
 */
const refusalStatus = (err: unknown): number | undefined => {
  const error = err as { status?: unknown; originalError?: { status?: unknown } } | null
  const status = error?.status ?? error?.originalError?.status
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined
}

/**
 * Payload logs every error a request ends in at level error with its stack, refusals (401, 403,
 * 404, 429) included. Those become one info line with the status and the reason; a server error
 * (5xx, or no status) keeps level error and its stack.
 */
export const refusalsAsInfo: LogMethodHook = function (args, method, level) {
  const [fields] = args as unknown[]
  const err = (fields as { err?: unknown } | null)?.err
  const status = refusalStatus(err)
  if (level < 50 || status === undefined) return method.apply(this, args)
  const refusal = (err as { originalError?: Error }).originalError ?? (err as Error)
  const line: Record<string, unknown> = { ...(fields as object), status, error: refusal.name }
  delete line.err
  this.info(line, refusal.message)
}

/**
 * JSON log lines on stderr (stdout stays clean for commands that print data), at LOG_LEVEL or info.
 * A line written while handling an API request carries its `requestId`.
 */
export const logger: Config['logger'] = {
  options: { level: process.env.LOG_LEVEL ?? 'info', mixin: requestLogFields, hooks: { logMethod: refusalsAsInfo } },
  destination: process.stderr,
}
