import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { startSite, type RunningSite } from '../../scripts/lib/serve'
import { freePort } from '../helpers/freePort'

const secret = 'X-Only-For-The-Server: yes'
const billsPage = `<!doctype html><title>Bills</title>${'<p>Your payments abroad.</p>'.repeat(50)}`
let dir: string
let site: RunningSite

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'center-serve-'))
  mkdirSync(join(dir, 'lumopay', 'en'), { recursive: true })
  writeFileSync(join(dir, 'lumopay', 'en', 'index.html'), '<!doctype html><title>Lumopay</title>')
  // A page with the compressed copies a build writes beside it (cms/publish/precompress.ts).
  mkdirSync(join(dir, 'lumopay', 'en', 'bills'))
  writeFileSync(join(dir, 'lumopay', 'en', 'bills', 'index.html'), billsPage)
  writeFileSync(join(dir, 'lumopay', 'en', 'bills', 'index.html.br'), brotliCompressSync(billsPage))
  writeFileSync(join(dir, 'lumopay', 'en', 'bills', 'index.html.gz'), gzipSync(billsPage))
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

describe('the site server sends the compressed copy a browser accepts', () => {
  test.each([
    ['br, gzip', 'br'],
    ['gzip, deflate', 'gzip'],
  ])('Accept-Encoding %s gets %s, which decodes to the page', async (accepts, encoding) => {
    const response = await fetch(`${site.url}/lumopay/en/bills/`, { headers: { 'accept-encoding': accepts } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-encoding')).toBe(encoding)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(response.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(await response.text()).toBe(billsPage)
  })

  test('a client that accepts neither gets the page as it is', async () => {
    const response = await fetch(`${site.url}/lumopay/en/bills/`, { headers: { 'accept-encoding': 'identity' } })
    expect(response.headers.get('content-encoding')).toBeNull()
    expect(await response.text()).toBe(billsPage)
  })
})
