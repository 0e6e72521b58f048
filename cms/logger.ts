import type { Config } from 'payload'

import { requestLogFields } from './lib/requestContext'

/**
 * JSON log lines on stderr (stdout stays clean for commands that print data), at LOG_LEVEL or info.
 * A line written while handling an API request carries its `requestId`.
 */
export const logger: Config['logger'] = {
  options: { level: process.env.LOG_LEVEL ?? 'info', mixin: requestLogFields },
  destination: process.stderr,
}
