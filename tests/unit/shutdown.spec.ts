import { describe, expect, test } from 'vitest'

// Module state is per test file (vitest isolates files), so stopping here affects no other test.
import { awaitedOnShutdown, duringShutdownGrace, isStopping, shutDown } from '../../cms/lib/shutdown'

const quiet = { info: () => undefined }

describe('graceful shutdown', () => {
  test('a build that ends within the grace period finishes; one that does not is aborted and waited for', async () => {
    let release!: () => void
    const quick = awaitedOnShutdown(new Promise<void>((resolve) => (release = resolve)).then(() => 'built'))
    let abortedWith: unknown
    const slow = duringShutdownGrace(
      quiet,
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject((abortedWith = signal.reason)))),
    )
    expect(isStopping()).toBe(false)

    const stopping = shutDown(200)
    expect(isStopping()).toBe(true)
    release()
    expect(await quick).toBe('built')
    expect(await stopping).toBe(false)
    await expect(slow).rejects.toThrow('grace period ran out')
    expect(String(abortedWith)).toContain('shutting down')
  })
})
