import { describe, expect, test } from 'vitest'

import { progress } from '../../scripts/lib/progress'

const stream = (isTTY: boolean, columns?: number) => {
  const written: string[] = []
  return { written, stream: { isTTY, columns, write: (chunk: string) => written.push(chunk) } as unknown as NodeJS.WriteStream }
}

describe('progress', () => {
  test('off a terminal, each step is one plain line', () => {
    const { written, stream: out } = stream(false)
    const step = progress('Building', 2, out)
    step('lumopay')
    step('hoshi')
    expect(written).toEqual(['Building [1/2] lumopay\n', 'Building [2/2] hoshi\n'])
  })

  test('on a terminal, one line redraws itself, fits the width and ends with the last step', () => {
    const { written, stream: out } = stream(true, 21)
    const step = progress('Building', 2, out)
    step('lumopay: pages')
    step('hoshi: pages')
    expect(written).toEqual(['\r\x1b[2KBuilding [1/2] lumop', '\r\x1b[2KBuilding [2/2] hoshi\n'])
  })
})
