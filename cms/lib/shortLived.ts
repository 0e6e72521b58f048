/** How many keys a short-lived cache holds before it drops its oldest: keys can come from what callers send. */
const maxEntries = 10_000

/** A short-lived cache: look a key up (loading it when missing or stale), or forget it when this process knows it changed. */
export type ShortLived<V> = ((key: string, load: () => Promise<V>) => Promise<V>) & { forget: (key: string) => void }

/**
 * A cache of lookups that may be a few seconds stale: each key is loaded at most once per `ttlMs`,
 * and callers asking at the same moment share one load. A failed load is not kept.
 */
export function shortLived<V>(ttlMs: number): ShortLived<V> {
  const entries = new Map<string, { value: Promise<V>; until: number }>()
  const lookup = (key: string, load: () => Promise<V>): Promise<V> => {
    const now = Date.now()
    const cached = entries.get(key)
    if (cached && cached.until > now) return cached.value
    entries.delete(key)
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
    const value = load()
    entries.set(key, { value, until: now + ttlMs })
    value.catch(() => entries.get(key)?.value === value && entries.delete(key))
    return value
  }
  return Object.assign(lookup, { forget: (key: string) => void entries.delete(key) })
}
