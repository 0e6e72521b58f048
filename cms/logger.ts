import type { Config } from 'payload'

/** JSON log lines on stderr (stdout stays clean for commands that print data), at LOG_LEVEL or info. */
export const logger: Config['logger'] = {
  options: { level: process.env.LOG_LEVEL ?? 'info' },
  destination: process.stderr,
}
