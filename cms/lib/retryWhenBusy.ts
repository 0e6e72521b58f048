/** Whether an error (or its cause) is SQLite's "database is locked". */
export function isBusy(error: unknown): boolean {
  for (let e = error as { message?: unknown; code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY')) return true
    if (typeof e.message === 'string' && e.message.includes('SQLITE_BUSY')) return true
  }
  return false
}

/**
 * Runs a database write again while SQLite answers "database is locked". libsql drops the busy
 * timeout on the connections it opens for transactions, so one process's overlapping writers fail
 * at once instead of waiting; this waits for them. A failed transaction rolled back, so a retry is clean.
 */
export async function retryWhenBusy<T>(work: () => Promise<T>, attempts = 60): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (!isBusy(error) || attempt >= attempts) throw error
      await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 75))
    }
  }
}
