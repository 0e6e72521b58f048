import { describe, expect, test } from 'vitest'

import { oneAtATimePer } from '../../cms/lib/oneAtATime'

/** A piece of work that records when it starts and ends, and finishes only when told to. */
function step(name: string, log: string[]) {
  let finish!: () => void
  let fail!: (error: Error) => void
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve(name)
    fail = reject
  })
  const work = async () => {
    log.push(`start ${name}`)
    try {
      return await done
    } finally {
      log.push(`end ${name}`)
    }
  }
  return { work, finish: () => finish(), fail: (error: Error) => fail(error) }
}

/** Work "a" queued under one key, then work "b" under another (or the same). */
function queue(keyOfA: string, keyOfB: string) {
  const log: string[] = []
  const [a, b] = [step('a', log), step('b', log)]
  return { log, a, b, first: oneAtATimePer(keyOfA, a.work), second: oneAtATimePer(keyOfB, b.work) }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('one at a time per key', () => {
  test('work for one key starts only when the work before it has ended, and each caller gets its own result', async () => {
    const { log, a, b, first, second } = queue('campaign-1', 'campaign-1')
    await settle()
    expect(log).toEqual(['start a'])
    a.finish()
    await expect(first).resolves.toBe('a')
    await settle()
    expect(log).toEqual(['start a', 'end a', 'start b'])
    b.finish()
    await expect(second).resolves.toBe('b')
  })

  test('work for another key does not wait', async () => {
    const { log, a, b, first, second } = queue('campaign-2', 'campaign-3')
    await settle()
    expect(log).toEqual(['start a', 'start b'])
    a.finish()
    b.finish()
    await expect(Promise.all([first, second])).resolves.toEqual(['a', 'b'])
  })

  test('a failure reaches its own caller only, and the next work still runs', async () => {
    const { log, a, b, first, second } = queue('campaign-4', 'campaign-4')
    a.fail(new Error('sold out'))
    await expect(first).rejects.toThrow('sold out')
    await settle()
    expect(log).toEqual(['start a', 'end a', 'start b'])
    b.finish()
    await expect(second).resolves.toBe('b')
  })
})
