import { STATUS_CODES } from 'node:http'
import type { Config } from 'payload'

import { requestLogFields } from './lib/requestContext'

type LoggerOptions = Extract<NonNullable<Config['logger']>, { options: unknown }>['options']
type LogMethodHook = NonNullable<NonNullable<LoggerOptions['hooks']>['logMethod']>

/**
 * The refusal of the caller's request (4xx) that an error stands for, not a fault of the CMS.
 * GraphQL wraps the refusal (Forbidden, NotFound, ValidationError) in a GraphQLError as `originalError`.
 */
const refusalOf = (err: unknown): (Error & { status: number }) | undefined => {
  const error = ((err as { originalError?: unknown } | null)?.originalError ?? err) as (Error & { status?: unknown }) | null
  const status = error?.status
  return typeof status === 'number' && status >= 400 && status < 500 ? (error as Error & { status: number }) : undefined
}

/**
 * Payload logs every error a request ends in at level error with its stack, refusals (401, 403,
 * 404, 429) included. Those become one info line with the status and the reason; a server error
 * (5xx, or no status) keeps level error and its stack. The line names the refusal by its status
 * ("Forbidden"), not by the error's class: the production build minifies class names to "o".
 */
export const refusalsAsInfo: LogMethodHook = function (args, method, level) {
  const [fields] = args as unknown[]
  const err = (fields as { err?: unknown } | null)?.err
  const refusal = refusalOf(err)
  if (level < 50 || !refusal) return method.apply(this, args)
  const line: Record<string, unknown> = {
    ...(fields as object),
    status: refusal.status,
    error: STATUS_CODES[refusal.status] ?? 'Client Error',
  }
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
