import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { minCompressBytes, precompress } from '../../cms/publish/precompress'

let dir: string
const page = `<!doctype html><title>Bills</title>${'<p>Your LumoPay payments abroad, newest first.</p>'.repeat(60)}`

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'center-precompress-'))
  mkdirSync(join(dir, 'lumopay', 'en', 'bills'), { recursive: true })
  mkdirSync(join(dir, 'lumopay', '_astro'), { recursive: true })
  writeFileSync(join(dir, 'lumopay', 'en', 'bills', 'index.html'), page)
  writeFileSync(join(dir, 'lumopay', '_astro', 'island.js'), `export const rows = ${JSON.stringify(Array(200).fill('row'))}`)
  writeFileSync(join(dir, 'lumopay', 'en', 'tiny.json'), '{"a":1}')
  writeFileSync(join(dir, 'lumopay', 'step.png'), Buffer.alloc(4096, 7))
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('precompressing a build', () => {
  test('writes Brotli and gzip copies of its text files that decompress to the file, in every folder', async () => {
    expect(await precompress(dir)).toBe(2)
    const html = join(dir, 'lumopay', 'en', 'bills', 'index.html')
    expect(brotliDecompressSync(readFileSync(`${html}.br`)).toString()).toBe(page)
    expect(gunzipSync(readFileSync(`${html}.gz`)).toString()).toBe(page)
    expect(readFileSync(`${html}.br`).length).toBeLessThan(page.length / 5)
    expect(existsSync(join(dir, 'lumopay', '_astro', 'island.js.br'))).toBe(true)
  })

  test('leaves images and files too small to gain alone', () => {
    expect(readFileSync(join(dir, 'lumopay', 'en', 'tiny.json')).length).toBeLessThan(minCompressBytes)
    expect(existsSync(join(dir, 'lumopay', 'en', 'tiny.json.br'))).toBe(false)
    expect(existsSync(join(dir, 'lumopay', 'step.png.br'))).toBe(false)
    expect(existsSync(join(dir, 'lumopay', 'step.png.gz'))).toBe(false)
  })
})
