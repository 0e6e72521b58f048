import { request } from 'node:http'
import { networkInterfaces } from 'node:os'
import { describe, expect, inject, test } from 'vitest'

import { demoPassword, demoSuperAdmin } from '../../cms/seed'

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** One HTTP request from a chosen local address: every 127.0.0.x is this machine, each a distinct client to the CMS. */
function send(
  url: string,
  { method = 'GET', headers = {}, body, from }: { method?: string; headers?: Record<string, string>; body?: string; from: string },
): Promise<Answer> {
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: target.port, path: target.pathname + target.search, method, headers, localAddress: from },
      (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const signInBody = (email: string, password: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email, password }),
})

describe('the CMS under next start, as `npm start` runs it', () => {
  test('with TRUST_PROXY unset a client rotating X-Forwarded-For is still one client: its 31st sign-in in a minute gets 429, another client does not', async () => {
    const login = `${inject('cmsUrl')}/api/users/login`
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) {
      const attempt = signInBody(`nobody-${i}@center.test`, 'wrong')
      statuses.push(
        (
          await send(login, {
            ...attempt,
            headers: { ...attempt.headers, 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `203.0.113.${i}` },
            from: '127.0.0.2',
          })
        ).status,
      )
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true)
    expect(statuses[30]).toBe(429)
    expect((await send(login, { ...signInBody('nobody@center.test', 'wrong'), from: '127.0.0.3' })).status).toBe(401)
  })

  test("a multipart create carrying the super-admin's cookie is refused from a foreign Origin and accepted from the admin's own", async () => {
    const cmsUrl = inject('cmsUrl')
    const signedIn = await send(`${cmsUrl}/api/users/login`, { ...signInBody(demoSuperAdmin, demoPassword.superAdmin), from: '127.0.0.4' })
    expect(signedIn.status).toBe(200)
    const cookie = ([signedIn.headers['set-cookie'] ?? []]
      .flat()
      .join('; ')
      .match(/payload-token=[^;]+/) ?? [])[0]
    expect(cookie).toBeDefined()
    const create = (origin: string, email: string) => {
      const boundary = 'center-csrf-boundary'
      const body = `--${boundary}\r\ncontent-disposition: form-data; name="_payload"\r\n\r\n${JSON.stringify({ email, password: 'a long enough password', role: 'editor' })}\r\n--${boundary}--\r\n`
      return send(`${cmsUrl}/api/users`, {
        method: 'POST',
        headers: { cookie: cookie!, origin, 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
        from: '127.0.0.4',
      })
    }
    expect((await create('http://evil.example', 'csrf-victim@center.test')).status).toBe(403)
    const own = await create(cmsUrl, 'csrf-check@center.test')
    expect(own.status).toBe(201)
    const id = (JSON.parse(own.body) as { doc: { id: string | number } }).doc.id
    expect(
      (await send(`${cmsUrl}/api/users/${id}`, { method: 'DELETE', headers: { cookie: cookie!, origin: cmsUrl }, from: '127.0.0.4' }))
        .status,
    ).toBe(200)
  })

  const outside = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address
  test.skipIf(!outside)(
    "the CMS, the site and the sandbox cannot be reached on the machine's network address (skipped: no non-loopback IPv4 here)",
    async () => {
      for (const url of [inject('cmsUrl'), inject('siteUrl'), inject('mppUrl')]) {
        const { port } = new URL(url)
        const reached = await new Promise<string>((resolve) => {
          const req = request({ host: outside, port, path: '/', timeout: 3000 }, (res) => resolve(`answered ${res.statusCode}`))
          req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
          req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })))
          req.end()
        })
        expect(reached, url).toBe('ECONNREFUSED')
      }
    },
  )
})
