import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startSite, type RunningSite } from '../../scripts/lib/serve'
import { freePort } from '../helpers/freePort'

const secret = 'X-Only-For-The-Server: yes'
let dir: string
let site: RunningSite

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'center-serve-'))
  mkdirSync(join(dir, 'lumopay', 'en'), { recursive: true })
  writeFileSync(join(dir, 'lumopay', 'en', 'index.html'), '<!doctype html><title>Lumopay</title>')
  writeFileSync(join(dir, 'lumopay', '_headers'), `/lumopay/*\n  ${secret}\n`)
  // The one root file a CDN reads, beside the tenants' own.
  writeFileSync(join(dir, '_headers'), `/*\n  ${secret}\n`)
  site = await startSite(await freePort(), dir)
})

afterAll(async () => {
  await site?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** GET with the path sent exactly as written: no client normalises or decodes it first. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(site.url)
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
      .on('error', reject)
      .end()
  })
}

describe('the site server hides the _headers files', () => {
  test.each([
    '/lumopay/_headers',
    '/lumopay/%5fheaders',
    '/lumopay/%5Fheaders',
    '/lumopay/_header%73',
    '/_header%73',
    '/%5f%68eaders',
    '/lumopay%2f_headers',
    '/lumopay/en/..%2f_headers',
  ])('%s is a 404 that shows none of the file', async (path) => {
    const answer = await rawGet(path)
    expect(answer.status).toBe(404)
    expect(answer.body).not.toContain(secret)
  })

  test('the pages beside it are still served', async () => {
    const answer = await rawGet('/lumopay/en/')
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('<title>Lumopay</title>')
  })
})
