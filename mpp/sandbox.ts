/**
 * The sandbox MPP: a real HTTP server that implements mpp/openapi.yaml for every tenant slug,
 * with deterministic demo data and a demo token endpoint. Tenants live under /<tenant>/.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { demoBills } from './demoData'
import { publicJwk } from './keys'
import { billStatuses, type BillPage, type BillStatus } from './schema'
import { issueToken, TokenError, verifyToken } from './tokens'

const tenantPattern = /^\/([a-z0-9]+(?:-[a-z0-9]+)*)(\/.*)$/
const maxBodyBytes = 16 * 1024

class HttpProblem extends Error {
  constructor(readonly status: number, readonly title: string, readonly detail?: string) {
    super(title)
  }
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

function sendProblem(res: ServerResponse, problem: HttpProblem) {
  send(res, problem.status, { type: 'about:blank', title: problem.title, status: problem.status, detail: problem.detail }, 'application/problem+json')
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += chunk.length
    if (size > maxBodyBytes) throw new HttpProblem(413, 'Request body too large')
    chunks.push(chunk)
  }
  if (!chunks.length) return {}
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpProblem(400, 'Request body is not valid JSON')
  }
}

/** The user a request's bearer token names, for this tenant; 401 otherwise. */
async function authenticate(req: IncomingMessage, tenant: string): Promise<string> {
  const header = req.headers.authorization ?? ''
  const token = /^Bearer (.+)$/.exec(header)?.[1]
  if (!token) throw new HttpProblem(401, 'Missing bearer token', 'Send the user token as "Authorization: Bearer <token>".')
  try {
    return await verifyToken(tenant, token)
  } catch (error) {
    if (error instanceof TokenError) throw new HttpProblem(401, 'Invalid token', error.message)
    throw error
  }
}

/** One page of a user's bills, filtered by status, after an opaque cursor. */
export function pageOfBills(tenant: string, user: string, query: URLSearchParams): BillPage {
  const status = query.get('status')
  if (status && !billStatuses.includes(status as BillStatus)) {
    throw new HttpProblem(400, 'Invalid status', `status must be one of: ${billStatuses.join(', ')}`)
  }
  const limit = Number(query.get('limit') ?? 20)
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new HttpProblem(400, 'Invalid limit', 'limit must be an integer from 1 to 50')
  const cursor = query.get('cursor')
  const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0
  if (!Number.isInteger(offset) || offset < 0) throw new HttpProblem(400, 'Invalid cursor')

  const bills = demoBills(tenant, user).filter((bill) => !status || bill.status === status)
  const items = bills.slice(offset, offset + limit)
  const next = offset + items.length
  return { items, nextCursor: next < bills.length ? Buffer.from(String(next)).toString('base64url') : null }
}

async function route(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://sandbox')
  if (url.pathname === '/health') return send(res, 200, { status: 'ok' })
  const match = tenantPattern.exec(url.pathname)
  if (!match) throw new HttpProblem(404, 'Not found')
  const [, tenant, path] = match as unknown as [string, string, string]

  if (req.method === 'GET' && path === '/.well-known/jwks.json') return send(res, 200, { keys: [publicJwk(tenant)] })
  if (req.method === 'POST' && path === '/sandbox/token') {
    const body = (await readJson(req)) as { user?: unknown }
    const user = typeof body.user === 'string' && /^[\w.-]{1,64}$/.test(body.user) ? body.user : null
    if (!user) throw new HttpProblem(400, 'Invalid user', 'Send { "user": "<id>" } with letters, digits, ".", "_" or "-".')
    return send(res, 201, { token: await issueToken(tenant, user) })
  }
  if (req.method === 'GET' && path === '/v1/bills') {
    const user = await authenticate(req, tenant)
    return send(res, 200, pageOfBills(tenant, user, url.searchParams))
  }
  throw new HttpProblem(404, 'Not found')
}

function withCors(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    // Bearer tokens, not cookies, carry identity, so any origin may call the sandbox.
    res.setHeader('access-control-allow-origin', '*')
    res.setHeader('access-control-allow-headers', 'authorization, content-type, idempotency-key')
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS')
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end()
      return
    }
    try {
      await handler(req, res)
    } catch (error) {
      if (error instanceof HttpProblem) return sendProblem(res, error)
      console.error('[mpp] unexpected error', error)
      sendProblem(res, new HttpProblem(500, 'Internal error'))
    }
  }
}

export type RunningSandbox = { url: string; server: Server; close: () => Promise<void> }

/** Starts the sandbox MPP; port 0 picks a free port. */
export function startSandbox(port: number, host = '127.0.0.1'): Promise<RunningSandbox> {
  const server = createServer(withCors(route))
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo
      resolve({
        url: `http://localhost:${actual}`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}
