const queues = new Map<string, Promise<unknown>>()

/**
 * Runs work one caller at a time per key in this process, each after the one before it, whatever
 * it ended in. For one CMS node this keeps SQLite writers from colliding; it is never what makes
 * a result correct across nodes: unique indexes are.
 */
export function oneAtATimePer<T>(key: string, work: () => Promise<T>): Promise<T> {
  const result = (queues.get(key) ?? Promise.resolve()).then(work)
  const tail = result.then(
    () => undefined,
    () => undefined,
  )
  queues.set(key, tail)
  // Forget a key once its queue drains, so keys (one per campaign) do not pile up.
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key)
  })
  return result
}
