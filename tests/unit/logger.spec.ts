import { describe, expect, test, vi } from 'vitest'

import { refusalsAsInfo } from '../../cms/logger'

/** Runs the hook as pino would for one `logger.error({ err }, msg)` call, and returns what was written. */
function logError(err: unknown) {
  const info = vi.fn()
  const method = vi.fn()
  refusalsAsInfo.call(
    { info } as unknown as ThisParameterType<typeof refusalsAsInfo>,
    [{ err, requestId: 'r-1' }, 'request failed'],
    method,
    50,
  )
  return { info, method }
}

/** Payload's Forbidden as the production build ships it: the class renamed to "o" by the minifier. */
class o extends Error {
  status = 403
}

describe('the log line of a refused request', () => {
  test('names the refusal by its status, so a minified class name never reaches the log', () => {
    const { info, method } = logError(new o('You are not allowed to perform this action.'))
    expect(method).not.toHaveBeenCalled()
    expect(info).toHaveBeenCalledWith({ requestId: 'r-1', status: 403, error: 'Forbidden' }, 'You are not allowed to perform this action.')
  })

  test('looks through a GraphQL error to the refusal it wraps', () => {
    const wrapped = Object.assign(new Error('Not Found'), { originalError: Object.assign(new o('Not Found'), { status: 404 }) })
    expect(logError(wrapped).info).toHaveBeenCalledWith({ requestId: 'r-1', status: 404, error: 'Not Found' }, 'Not Found')
  })

  test('a server error keeps level error and its stack', () => {
    const fault = Object.assign(new Error('database is locked'), { status: 500 })
    const { info, method } = logError(fault)
    expect(info).not.toHaveBeenCalled()
    expect(method).toHaveBeenCalledWith({ err: fault, requestId: 'r-1' }, 'request failed')
  })
})
