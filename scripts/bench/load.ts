import { monitorEventLoopDelay } from 'node:perf_hooks'
import autocannon from 'autocannon'
import { Client, errors as undiciErrors } from 'undici'

import { latency, type Latency } from './stats'

/** One load scenario's figures: every response's time is kept, so the percentiles are exact. */
export type LoadFigures = {
  request: string
  connections: number
  seconds: number
  requests: number
  requestsPerSecond: number
  latencyMs: Latency
  /** Responses by HTTP status. */
  statuses: Record<string, number>
  non2xx: number
  /** Connection errors and timeouts (autocannon gives up on a response after 10 s), plus 5xx answers. */
  errors: number
  /** Of the errors, the requests given up on after 10 s. */
  timeouts: number
  /** The longest the bench's own event loop was held up during the run: a stalled client also times out. */
  clientStallMs: number
  /** The longest time with no response at all, and when it began (s into the run): a server that stalled. */
  longestSilenceMs: number
  silenceAtS: number
}

/**
 * What both load drivers keep while they run: every response's time and status, the longest
 * stretch with no response, and how long the bench's own loop stalled. `figures` stops the clock
 * and adds what only the driver knows (its errors and time-outs).
 */
function recorder(request: string, connections: number) {
  const times: number[] = []
  const statuses: Record<string, number> = {}
  const started = performance.now()
  let lastResponse = started
  const silence = { ms: 0, at: 0 }
  const stall = monitorEventLoopDelay({ resolution: 20 })
  stall.enable()
  return {
    started,
    response(status: number, ms: number) {
      const now = performance.now()
      if (now - lastResponse > silence.ms) Object.assign(silence, { ms: now - lastResponse, at: lastResponse - started })
      lastResponse = now
      times.push(ms)
      statuses[status] = (statuses[status] ?? 0) + 1
    },
    figures({ seconds, errors, timeouts }: { seconds: number; errors: number; timeouts: number }): LoadFigures {
      stall.disable()
      const count = (from: number) => Object.entries(statuses).reduce((sum, [status, n]) => sum + (Number(status) >= from ? n : 0), 0)
      return {
        request,
        connections,
        seconds,
        requests: times.length,
        requestsPerSecond: times.length / seconds,
        latencyMs: latency(times),
        statuses,
        non2xx: count(300),
        errors: errors + count(500),
        timeouts,
        clientStallMs: Math.round(stall.max / 1e6),
        longestSilenceMs: Math.round(silence.ms),
        silenceAtS: Math.round(silence.at / 100) / 10,
      }
    },
  }
}

/** Runs autocannon against one request shape for `seconds`, keeping every response's time and status. */
export async function load(
  origin: string,
  request: string,
  options: { connections: number; seconds: number; setupRequest: (req: autocannon.Request) => autocannon.Request },
): Promise<LoadFigures> {
  const [method, path] = request.split(' ') as [string, string]
  const record = recorder(request, options.connections)
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: options.connections,
        duration: options.seconds,
        requests: [{ method: method as 'GET', path, setupRequest: options.setupRequest }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, status, _bytes, responseTime) => record.response(status, responseTime))
  })
  // autocannon's `errors` already counts its timeouts.
  return record.figures({ seconds: result.duration, errors: result.errors, timeouts: result.timeouts })
}

/** A request the paced load sends: the path is fixed, the body and headers may differ each time. */
export type PacedRequest = { method: 'POST' | 'GET'; path: string; headers?: Record<string, string>; body?: string }

/**
 * Open-loop load: `clients` simulated phones, each on its own keep-alive connection, together
 * sending `perSecond` requests a second, evenly spread (each phone every clients/perSecond s, the
 * phones' turns staggered). A phone waits for its answer before its next turn, and each response
 * time counts from when the request was due, so a server that falls behind is charged for the
 * wait (no coordinated omission). Requests given up on after 10 s are errors, as in `load`.
 */
export async function paced(
  origin: string,
  request: string,
  options: { clients: number; perSecond: number; seconds: number; next: (client: number) => PacedRequest },
): Promise<LoadFigures> {
  let errors = 0
  let timeouts = 0
  // Turns are counted in whole numbers (turn i is due at i / perSecond s), so no rounding adds one.
  const turns = Math.round(options.perSecond * options.seconds)
  const record = recorder(request, options.clients)
  const phone = async (n: number) => {
    const client = new Client(origin, { pipelining: 1, headersTimeout: 10_000, bodyTimeout: 10_000 })
    try {
      for (let turn = n; turn < turns; turn += options.clients) {
        const due = record.started + (turn * 1000) / options.perSecond
        const wait = due - performance.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
        try {
          const response = await client.request(options.next(n))
          await response.body.dump()
          record.response(response.statusCode, performance.now() - due)
        } catch (error) {
          errors++
          if (
            error instanceof undiciErrors.HeadersTimeoutError ||
            error instanceof undiciErrors.BodyTimeoutError ||
            error instanceof undiciErrors.ConnectTimeoutError
          )
            timeouts++
        }
      }
    } finally {
      await client.close()
    }
  }
  await Promise.all(Array.from({ length: options.clients }, (_, n) => phone(n)))
  return record.figures({ seconds: (performance.now() - record.started) / 1000, errors, timeouts })
}
