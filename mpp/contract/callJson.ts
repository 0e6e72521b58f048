/** The three ways a JSON service can fail before it says anything: silent, too slow, or not JSON. */
export type TransportFailure = 'timeout' | 'unavailable' | 'invalid-response'

export type JsonCall = { method?: string; body?: unknown; idempotencyKey?: string }

type Options = {
  timeoutMs: number
  fetch: typeof fetch
  /** How the user hears of the service: "The wallet service", "The Center". */
  service: string
  /** The user's locale (a BCP 47 tag, or an Accept-Language list passed on as it came), sent as Accept-Language. */
  locale?: string
  fail: (kind: TransportFailure, message: string) => Error
}

/**
 * One JSON call with the user's bearer token and a timeout, as the islands make them: answers the
 * response and its parsed body, whatever the status; throws `fail(kind, message)` when the service
 * is silent, too slow, or answers something that is not JSON.
 */
export async function callJson(
  url: string,
  token: string,
  init: JsonCall,
  { timeoutMs, fetch: fetchImpl, service, locale, fail }: Options,
): Promise<{ response: Response; data: unknown }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey
  if (locale) headers['accept-language'] = locale
  const signal = AbortSignal.timeout(timeoutMs)
  try {
    const response = await fetchImpl(url, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal,
    })
    return { response, data: await response.json() }
  } catch (error) {
    if ((error instanceof DOMException && error.name === 'TimeoutError') || signal.aborted)
      throw fail('timeout', `${service} took too long to answer.`)
    if (error instanceof SyntaxError) throw fail('invalid-response', `${service} answered with something that is not JSON.`)
    throw fail('unavailable', `${service} did not answer.`)
  }
}
