type ShutdownLogger = { info: (fields: object, message: string) => void }
type ShutdownState = {
  stopping: boolean
  handled: boolean
  abort: AbortController
  running: Set<Promise<unknown>>
  flushers: Set<() => Promise<unknown>>
}

const stateKey = Symbol.for('center.shutdown')
/** One state per process: Next may bundle this module more than once. */
const state: ShutdownState = ((globalThis as Record<symbol, unknown>)[stateKey] ??= {
  stopping: false,
  handled: false,
  abort: new AbortController(),
  running: new Set(),
  flushers: new Set(),
}) as ShutdownState

/** How long SIGTERM waits for a running build: CENTER_SHUTDOWN_GRACE_MS, default 25 s (under Kubernetes' 30 s). */
export const shutdownGraceMs = (env: Record<string, string | undefined> = process.env) => Number(env.CENTER_SHUTDOWN_GRACE_MS || 25_000)

/** Whether this process was asked to stop: it takes no new work, and readiness answers 503 so traffic drains. */
export const isStopping = (): boolean => state.stopping

/**
 * Runs long work (a build) so that a shutdown waits for it. The work gets a signal that aborts when
 * the grace period runs out: a build then stops, is recorded failed, and the job queue retries it.
 */
export function duringShutdownGrace<T>(logger: ShutdownLogger, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  handleShutdownSignals(logger)
  return awaitedOnShutdown(work(state.abort.signal))
}

/** Makes a shutdown wait for this promise (within the grace period) before the process exits. */
export function awaitedOnShutdown<T>(running: Promise<T>): Promise<T> {
  const settled = running.then(
    () => undefined,
    () => undefined,
  )
  state.running.add(settled)
  void settled.then(() => state.running.delete(settled))
  return running
}

/** Runs `flush` when the process stops, within the grace period, so work held in memory (buffered feedback) is written, not lost; `flush` reports its own failures and never rejects. */
export function flushedOnShutdown(flush: () => Promise<unknown>): void {
  state.flushers.add(flush)
}

/** Runs the flushers one after another in the order they were added: buffered feedback first, then the popularity jobs it asks for. */
async function flushInOrder(): Promise<void> {
  for (const flush of state.flushers) await flush()
}

/**
 * Stops this process's work: takes no more, writes what is held in memory, waits up to `graceMs`
 * for running work, then aborts what is left and waits for it to record its failure. Answers
 * whether everything finished in time.
 */
export async function shutDown(graceMs = shutdownGraceMs()): Promise<boolean> {
  state.stopping = true
  void awaitedOnShutdown(flushInOrder())
  let timer: NodeJS.Timeout | undefined
  const outOfTime = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))
  const finished = await Promise.race([Promise.all(state.running).then(() => true as const), outOfTime])
  clearTimeout(timer)
  if (!finished) {
    state.abort.abort(new Error(`the process is shutting down and the ${graceMs} ms grace period ran out`))
    await Promise.all(state.running)
  }
  return finished
}

/**
 * On SIGTERM or SIGINT, once per process: shut down gracefully, then exit. Processes that run
 * builds install it (the CMS with CENTER_REBUILD_RUNNER=1, a `payload jobs:run` worker), and so
 * does a CMS once it buffers feedback; under `next start` set NEXT_MANUAL_SIG_HANDLE=true so Next
 * does not exit first.
 */
export function handleShutdownSignals(logger: ShutdownLogger, exit: (code: number) => void = process.exit): void {
  if (state.handled) return
  state.handled = true
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info(
      { signal, running: state.running.size, graceMs: shutdownGraceMs() },
      'Stopping: writing buffered work and finishing running builds, then exiting',
    )
    void shutDown().then((finished) => {
      logger.info(
        { finished },
        finished ? 'Stopped after the running builds finished' : 'Stopped: unfinished builds were aborted and will be retried',
      )
      exit(0)
    })
  }
  process.once('SIGTERM', onSignal)
  process.once('SIGINT', onSignal)
}
