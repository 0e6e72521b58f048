import { AsyncLocalStorage } from 'node:async_hooks'

const captured = Symbol.for('center.outsideRequests')
const scope = globalThis as { [captured]?: <R>(work: () => R) => R }

/**
 * Remembers the async context the CMS server starts in, before it serves a request
 * (cms/instrumentation.ts calls it once). Only the first call counts.
 */
export function captureOutsideRequests(): void {
  scope[captured] ??= AsyncLocalStorage.snapshot()
}

/**
 * Runs `work` in the context captured at start, not in the current request's. Node keeps the
 * async context a timer was set in until it fires, so a long timer set while serving a request
 * holds that request (Next's stores: its headers, body and response) for the timer's life: the
 * rate limits' one-minute expiry timers, one per new client, held about 60 KB each and grew the
 * server's heap past 2 GB under load, and then a full collection stopped it for a second.
 * Before the capture (tests, scripts) it runs `work` as it is.
 */
export function outsideRequests<R>(work: () => R): R {
  const run = scope[captured]
  return run ? run(work) : work()
}
