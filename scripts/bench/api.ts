import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import type { Payload } from 'payload'

import { sqliteUrl } from '../../cms/database'
import { dataDir, payloadSecret } from '../../cms/env'
import { requireTenant } from '../../cms/lib/tenants'
import { cmsDir, ensureAdminBuilt, nextBin } from '../lib/admin'
import { freePort } from '../lib/ports'
import { waitForHttp } from '../lib/start'
import { latency, type Latency } from './stats'

export type ApiFigures = {
  request: string
  connections: number
  seconds: number
  requests: number
  requestsPerSecond: number
  latencyMs: Latency
  non2xx: number
  /** Connection errors and timeouts (autocannon gives up on a response after 10 s). */
  errors: number
  docsPerResponse: number
  /** One request at a time over HTTP, and the same find through the Local API in this process (no HTTP, no Next): where the time goes. */
  sequentialMs: Latency
  localApiMs: Latency
}

/**
 * Serves the CMS as `center start` does (`next start`, production build, SQLite) and loads one
 * public read, published Q&As of one tenant in one locale, with `connections` concurrent
 * connections for `seconds`; every response's time is kept, so the percentiles are exact.
 */
export async function measureApi(payload: Payload, tenant: string, log: (line: string) => void, connections = 50, seconds = 10): Promise<ApiFigures> {
  const { id: tenantId, defaultLocale: locale } = await requireTenant(payload, tenant)
  const env = { ...process.env, DATABASE_URL: sqliteUrl(process.env.DATABASE_URL), CENTER_DATA_DIR: dataDir, PAYLOAD_SECRET: payloadSecret(), NODE_ENV: 'production' as const }
  await ensureAdminBuilt(env, log)
  const port = await freePort()
  const cms = spawn(process.execPath, [nextBin, 'start', '--port', String(port)], { cwd: cmsDir, env, stdio: ['ignore', 'ignore', 'inherit'] })
  try {
    const origin = `http://localhost:${port}`
    await waitForHttp(`${origin}/api/users/me`, cms)
    const path = `/api/qas?where[tenant][equals]=${tenantId}&where[_status][equals]=published&locale=${locale}&depth=0&limit=20&sort=order`
    const first = await fetch(origin + path)
    if (!first.ok) throw new Error(`GET ${path} answered ${first.status}: ${(await first.text()).slice(0, 300)}`)
    const body = (await first.json()) as { docs: unknown[] }
    // Warm the server (Payload's first request initialises it), timing one request at a time.
    const sequential: number[] = []
    for (let i = 0; i < 20; i++) {
      const started = performance.now()
      await (await fetch(origin + path)).arrayBuffer()
      sequential.push(performance.now() - started)
    }
    const localApi: number[] = []
    for (let i = 0; i < 20; i++) {
      const started = performance.now()
      await payload.find({ collection: 'qas', where: { and: [{ tenant: { equals: tenantId } }, { _status: { equals: 'published' } }] }, locale, depth: 0, limit: 20, sort: 'order', overrideAccess: false })
      localApi.push(performance.now() - started)
    }
    log(`api: ${connections} connections for ${seconds} s on GET ${path}`)
    const times: number[] = []
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: origin + path, connections, duration: seconds }, (error, done) => (error ? reject(error) : resolve(done)))
      instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
    })
    return {
      request: `GET ${path}`,
      connections,
      seconds: result.duration,
      requests: result.requests.total,
      requestsPerSecond: result.requests.total / result.duration,
      latencyMs: latency(times),
      non2xx: result.non2xx,
      errors: result.errors,
      docsPerResponse: body.docs.length,
      sequentialMs: latency(sequential),
      localApiMs: latency(localApi),
    }
  } finally {
    if (cms.exitCode === null) {
      const exited = new Promise((resolve) => cms.once('exit', resolve))
      cms.kill('SIGTERM')
      await exited
    }
  }
}
