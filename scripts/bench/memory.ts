import { readdirSync, readFileSync } from 'node:fs'

/** Parent pid and resident bytes of every process we can read, from /proc (Linux). */
function processTable(): Map<number, { parent: number; rss: number }> {
  const table = new Map<number, { parent: number; rss: number }>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      // The command name in parentheses may hold spaces: fields count from after its closing one.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      table.set(Number(name), { parent: Number(fields[1]), rss: Number(fields[21]) * 4096 })
    } catch (error) {
      // A process that ended between the listing and the read is simply not counted.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ESRCH') throw error
    }
  }
  return table
}

/** The resident bytes of all descendants of a process (not the process itself). */
export function descendantsRss(root = process.pid): number {
  const table = processTable()
  const children = new Map<number, number[]>()
  for (const [pid, { parent }] of table) children.set(parent, [...(children.get(parent) ?? []), pid])
  let total = 0
  const queue = [...(children.get(root) ?? [])]
  while (queue.length) {
    const pid = queue.pop()!
    total += table.get(pid)?.rss ?? 0
    queue.push(...(children.get(pid) ?? []))
  }
  return total
}

/**
 * Watches the memory of the child processes this process starts (astro builds) every
 * `intervalMs`; `stop()` answers the highest sum seen. Polling can miss a spike shorter than the
 * interval, so the figure is a floor.
 */
export function watchPeakMemory(intervalMs = 100): { stop: () => number } {
  let peak = descendantsRss()
  const timer = setInterval(() => (peak = Math.max(peak, descendantsRss())), intervalMs)
  return {
    stop: () => {
      clearInterval(timer)
      return Math.max(peak, descendantsRss())
    },
  }
}
