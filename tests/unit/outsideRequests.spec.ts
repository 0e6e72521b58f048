import { AsyncLocalStorage } from 'node:async_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, test } from 'vitest'

import { captureOutsideRequests, outsideRequests } from '../../cms/lib/outsideRequests'
import { limiterFor, overLimit } from '../../cms/lib/requests'

setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

/** What Next keeps for a request while serving it: the store a timer set during the request would hold. */
const requests = new AsyncLocalStorage<{ body: Uint8Array }>()

// As cms/instrumentation.ts does when the server starts, before any request.
captureOutsideRequests()

describe('work outside the request', () => {
  test('sees none of the request it was started from', async () => {
    const seen = await requests.run({ body: new Uint8Array(1) }, () =>
      outsideRequests(() => new Promise((resolve) => setTimeout(() => resolve(requests.getStore()), 0))),
    )
    expect(seen).toBeUndefined()
  })

  test("a rate limit's expiry timer for a new client does not keep the request alive", async () => {
    const limiter = limiterFor({ name: 'sqlite' }, { name: 'held', points: 30, seconds: 60 })
    let request: WeakRef<object> | undefined
    await (async () => {
      const store = { body: new Uint8Array(4 << 20) }
      request = new WeakRef(store)
      await requests.run(store, () => overLimit(limiter, '203.0.113.7'))
    })()
    // The client's counter and its one-minute timer are still there; the request is not.
    expect((await limiter.get('203.0.113.7'))?.consumedPoints).toBe(1)
    for (let round = 0; round < 5 && request!.deref(); round++) {
      await new Promise((resolve) => setImmediate(resolve))
      collectGarbage()
    }
    expect(request!.deref()).toBeUndefined()
  })
})
