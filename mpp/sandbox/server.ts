/**
 * The sandbox MPP: a real HTTP server that implements mpp/contract/openapi.yaml for every tenant slug,
 * with deterministic demo data, agreement changes kept in memory per tenant and user, a demo
 * token endpoint and fault injection for tests. Tenants live under /<tenant>/.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { problem, problemContentType, type ProblemCode } from '../../content/problem'
import type { Locale } from '../../content/schema'
import { publicJwk } from '../contract/demoKeys'
import {
  billStatuses,
  cancelReasons,
  type Authorization,
  type Bill,
  type BillPage,
  type BillStatus,
  type BillSummary,
  type CancellationRefusal,
  type CancelReason,
} from '../contract/schema'
import { maxTokenSeconds, TokenError } from '../contract/tokens'
import { agreementIn, demoAgreements, demoBills, isNewDemoUser, logoSvg, maskedAccount, walletName, type DemoAgreement } from './demoData'
import { mppLocales, negotiateLocale } from './demoTexts'
import { demoCenterPage, hostDemoPage } from './hostDemo'
import { issueToken, verifySandboxToken } from './tokens'

const tenantPattern = /^\/([a-z0-9]+(?:-[a-z0-9]+)*)(\/.*)$/
const maxBodyBytes = 16 * 1024

/** A refusal thrown inside a route and answered as problem+json, the Center's one error shape (content/problem.ts). */
class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly merchantUrl?: string,
    readonly refusal?: CancellationRefusal,
  ) {
    super(detail)
  }
}

const problemBody = ({ status, code, detail, merchantUrl, refusal }: HttpProblem) =>
  problem(
    status,
    code,
    detail,
    merchantUrl || refusal ? { ...(merchantUrl ? { merchantUrl } : {}), ...(refusal ? { refusal } : {}) } : undefined,
  )

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

function sendProblem(res: ServerResponse, problem: HttpProblem) {
  send(res, problem.status, problemBody(problem), problemContentType)
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    size += chunk.length
    if (size > maxBodyBytes) throw new HttpProblem(413, 'too-large', `The body must be at most ${maxBodyBytes} bytes.`)
    chunks.push(chunk)
  }
  if (!chunks.length) return {}
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpProblem(400, 'malformed', 'The request body is not valid JSON.')
  }
}

/** A path parameter percent-decoded; a broken encoding (`%E0%A4%A`) is the caller's mistake, a 400. */
function pathParam(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch (error) {
    if (error instanceof URIError) throw new HttpProblem(400, 'bad-path', `"${raw.slice(0, 40)}" is not valid percent-encoding (UTF-8).`)
    throw error
  }
}

/** The user a request's bearer token names, for this tenant; 401 otherwise. */
async function authenticate(req: IncomingMessage, tenant: string): Promise<string> {
  const header = req.headers.authorization ?? ''
  const token = /^Bearer (.+)$/.exec(header)?.[1]
  if (!token) throw new HttpProblem(401, 'missing-token', 'Send the user token as "Authorization: Bearer <token>".')
  try {
    return await verifySandboxToken(tenant, token)
  } catch (error) {
    if (error instanceof TokenError) throw new HttpProblem(401, 'invalid-token', error.message)
    throw error
  }
}

/** The bill fields a list shows; the rest comes with the bill's detail. */
const summaryOf = ({ id, status, paidAt, merchant, amount, merchantAmount, refundedAmount }: Bill): BillSummary => ({
  id,
  status,
  paidAt,
  merchant,
  amount,
  merchantAmount,
  refundedAmount,
})

/** A query parameter that must be a date-time if given. */
function timeParam(query: URLSearchParams, name: string): number | null {
  const value = query.get(name)
  if (value === null) return null
  const time = Date.parse(value)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time))
    throw new HttpProblem(400, 'invalid-parameter', `${name} must be an RFC 3339 date-time`)
  return time
}

/** One page of a user's bills, filtered by status, time and merchant text, after an opaque cursor. */
export function pageOfBills(tenant: string, user: string, query: URLSearchParams, logoBase?: string, locale?: Locale): BillPage {
  const statuses = query.get('status')?.split(',') ?? []
  if (statuses.some((status) => !billStatuses.includes(status as BillStatus))) {
    throw new HttpProblem(400, 'invalid-parameter', `status must be one or more of: ${billStatuses.join(', ')}`)
  }
  const from = timeParam(query, 'from')
  const to = timeParam(query, 'to')
  const merchant = query.get('merchant')?.toLocaleLowerCase()
  const limit = Number(query.get('limit') ?? 20)
  if (!Number.isInteger(limit) || limit < 1 || limit > 50)
    throw new HttpProblem(400, 'invalid-parameter', 'limit must be an integer from 1 to 50')
  const cursor = query.get('cursor')
  const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0
  if (!Number.isInteger(offset) || offset < 0) throw new HttpProblem(400, 'invalid-parameter', 'cursor is not one this sandbox gave out')

  const bills = demoBills(tenant, user, logoBase, undefined, locale).filter((bill) => {
    const time = Date.parse(bill.paidAt)
    return (
      (!statuses.length || statuses.includes(bill.status)) &&
      (from === null || time >= from) &&
      (to === null || time < to) &&
      (!merchant || bill.merchant.name.toLocaleLowerCase().includes(merchant))
    )
  })
  const items = bills.slice(offset, offset + limit).map(summaryOf)
  const next = offset + items.length
  return { items, nextCursor: next < bills.length ? Buffer.from(String(next)).toString('base64url') : null }
}

const faultKinds = ['slow', '500', 'malformed'] as const
type Fault = { fault?: (typeof faultKinds)[number]; latencyMs?: number }
type Stored = { status: number; body: unknown }
type UserState = { agreements: Map<string, DemoAgreement>; answers: Map<string, Stored & { operation: string }>; fault: Fault }

/** What the sandbox remembers for its lifetime, per tenant and user: agreement changes, idempotent answers and injected faults. */
function createMemory() {
  const users = new Map<string, UserState>()
  return (tenant: string, user: string, logoBase: string): UserState => {
    const key = `${tenant}\u0000${user}`
    let state = users.get(key)
    if (!state) {
      state = {
        agreements: new Map(demoAgreements(tenant, user, logoBase).map((demo) => [demo.agreement.id, demo])),
        answers: new Map(),
        fault: {},
      }
      users.set(key, state)
    }
    return state
  }
}

/** Runs a state change once per Idempotency-Key; the same key again gets the first answer, status and body. */
function once(req: IncomingMessage, state: UserState, operation: string, change: () => Stored): Stored {
  const key = req.headers['idempotency-key']
  if (typeof key !== 'string' || key.length < 8 || key.length > 128) {
    throw new HttpProblem(400, 'missing-idempotency-key', 'Send a unique Idempotency-Key header (8 to 128 characters) with each action.')
  }
  const previous = state.answers.get(key)
  if (previous) {
    if (previous.operation !== operation) throw new HttpProblem(422, 'idempotency-key-reused', 'This key was sent with another request.')
    return previous
  }
  let answer: Stored
  try {
    answer = change()
  } catch (error) {
    if (!(error instanceof HttpProblem)) throw error
    answer = { status: error.status, body: problemBody(error) }
  }
  state.answers.set(key, { ...answer, operation })
  return answer
}

function agreementOf(state: UserState, id: string): DemoAgreement {
  const demo = state.agreements.get(id)
  if (!demo) throw new HttpProblem(404, 'not-found', 'No such agreement.')
  return demo
}

function cancel(demo: DemoAgreement, body: unknown, locale: Locale): Stored {
  const { reason, comment } = (body ?? {}) as { reason?: unknown; comment?: unknown }
  if (!cancelReasons.includes(reason as CancelReason) || (comment !== undefined && (typeof comment !== 'string' || comment.length > 500))) {
    throw new HttpProblem(400, 'invalid-cancellation', `reason must be one of: ${cancelReasons.join(', ')}; comment at most 500 characters`)
  }
  if (demo.refusal) throw new HttpProblem(409, 'cancel-with-merchant', demo.refusal.detail[locale], demo.merchantUrl, demo.refusal.reason)
  if (demo.agreement.status !== 'active') throw new HttpProblem(409, 'not-active', 'Only an active agreement can be cancelled.')
  demo.agreement = { ...demo.agreement, status: 'cancelled', cancelledAt: new Date().toISOString() }
  return { status: 200, body: agreementIn(demo, locale) }
}

function authorize(demo: DemoAgreement, body: unknown, locale: Locale): Stored {
  if ((body as { acceptTerms?: unknown } | null)?.acceptTerms !== true)
    throw new HttpProblem(400, 'terms-not-accepted', 'Send { "acceptTerms": true } once the user ticked the terms.')
  if (demo.agreement.status !== 'pending') throw new HttpProblem(409, 'not-pending', 'Only a pending agreement can be authorized.')
  demo.agreement = { ...demo.agreement, status: 'active', authorizedAt: new Date().toISOString() }
  return { status: 200, body: agreementIn(demo, locale) }
}

function parseFault(body: unknown): Fault {
  const { fault, latencyMs } = (body ?? {}) as Record<string, unknown>
  const validFault = fault === undefined || faultKinds.includes(fault as Fault['fault'] & string)
  const validLatency =
    latencyMs === undefined || (Number.isInteger(latencyMs) && (latencyMs as number) >= 0 && (latencyMs as number) <= 60_000)
  if (!validFault || !validLatency)
    throw new HttpProblem(400, 'invalid-fault', `fault must be one of: ${faultKinds.join(', ')}; latencyMs an integer from 0 to 60000`)
  return { fault: fault as Fault['fault'], latencyMs: latencyMs as number | undefined }
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms))

/** Answers a /v1 call as the user's injected fault says: late, broken, or not JSON at all. */
async function withFault(res: ServerResponse, fault: Fault, answer: () => Promise<Stored> | Stored) {
  const latency = fault.latencyMs ?? (fault.fault === 'slow' ? 15_000 : 0)
  if (latency) await pause(latency)
  if (res.destroyed) return
  if (fault.fault === '500') throw new HttpProblem(500, 'internal-error', 'Injected by the sandbox.')
  if (fault.fault === 'malformed') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
    res.end('{"items": [')
    return
  }
  const { status, body } = await answer()
  if (status >= 400) return send(res, status, body, problemContentType)
  send(res, status, body)
}

function createRouter() {
  const memory = createMemory()

  return async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sandbox')
    if (url.pathname === '/health') return send(res, 200, { status: 'ok' })
    const match = tenantPattern.exec(url.pathname)
    if (!match) throw new HttpProblem(404, 'not-found', 'Paths start with the tenant: /<tenant>/v1/….')
    const [, tenant, path] = match as unknown as [string, string, string]
    const logoBase = `http://${req.headers.host ?? 'localhost'}/${tenant}/sandbox/logos/`

    if (req.method === 'GET' && path === '/.well-known/jwks.json') return send(res, 200, { keys: [publicJwk(tenant)] })
    if (req.method === 'POST' && path === '/sandbox/token') {
      const body = (await readJson(req)) as { user?: unknown; seconds?: unknown }
      const user = typeof body.user === 'string' && /^[\w.-]{1,64}$/.test(body.user) ? body.user : null
      if (!user) throw new HttpProblem(400, 'invalid-parameter', 'Send { "user": "<id>" } with letters, digits, ".", "_" or "-".')
      const seconds = body.seconds ?? maxTokenSeconds
      if (!Number.isInteger(seconds) || (seconds as number) > maxTokenSeconds)
        throw new HttpProblem(400, 'invalid-parameter', `seconds must be an integer up to ${maxTokenSeconds}`)
      return send(res, 201, { token: await issueToken(tenant, user, seconds as number) })
    }
    if (req.method === 'GET' && path === '/sandbox/host') {
      const page = demoCenterPage(tenant, url.searchParams.get('page'))
      if (!page) throw new HttpProblem(400, 'invalid-parameter', `Give ?page=<an http(s) URL of a Center page under /${tenant}/>.`)
      const user = url.searchParams.get('user') ?? 'demo-user'
      if (!/^[\w.-]{1,64}$/.test(user)) throw new HttpProblem(400, 'invalid-parameter', 'user has letters, digits, ".", "_" or "-".')
      const start = url.searchParams.get('start') === 'expired' ? 'expired' : 'fresh'
      const asked = url.searchParams.get('answer')
      const answer = asked === 'none' || asked === 'unavailable' ? asked : 'token'
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(hostDemoPage({ tenant, page, user, start, answer }))
      return
    }
    const logo = /^\/sandbox\/logos\/([a-z0-9-]+)\.svg$/.exec(path)
    if (req.method === 'GET' && logo) {
      const svg = logoSvg(logo[1]!)
      if (!svg) throw new HttpProblem(404, 'not-found', 'No such logo.')
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' })
      res.end(svg)
      return
    }

    const user = await authenticate(req, tenant)
    const state = memory(tenant, user, logoBase)
    // Free texts come in the best locale this MPP has for the user, else its default; the answer says which.
    const { locales, defaultLocale } = mppLocales(tenant)
    const locale = negotiateLocale(req.headers['accept-language'], locales, defaultLocale)
    res.setHeader('content-language', locale)
    res.setHeader('vary', 'Accept-Language')
    if (path === '/sandbox/faults') {
      if (req.method === 'PUT') {
        state.fault = parseFault(await readJson(req))
        return send(res, 200, state.fault)
      }
      if (req.method === 'DELETE') {
        state.fault = {}
        res.writeHead(204).end()
        return
      }
    }
    const body = req.method === 'POST' ? await readJson(req) : undefined
    const ok = (value: unknown): Stored => ({ status: 200, body: value })

    if (req.method === 'GET' && path === '/v1/bills')
      return withFault(res, state.fault, () => ok(pageOfBills(tenant, user, url.searchParams, logoBase, locale)))
    const bill = /^\/v1\/bills\/([^/]+)$/.exec(path)
    if (req.method === 'GET' && bill) {
      return withFault(res, state.fault, () => {
        const found = demoBills(tenant, user, logoBase, undefined, locale).find((b) => b.id === pathParam(bill[1]!))
        if (!found) throw new HttpProblem(404, 'not-found', 'No such bill.')
        return ok(found)
      })
    }
    if (req.method === 'GET' && path === '/v1/rewards/eligibility') {
      return withFault(res, state.fault, () => {
        const crossBorderPayments = demoBills(tenant, user, logoBase).length
        return ok({ newUser: isNewDemoUser(user) && crossBorderPayments === 0, crossBorderPayments })
      })
    }
    if (req.method === 'GET' && path === '/v1/agreements') {
      return withFault(res, state.fault, () => ok({ items: [...state.agreements.values()].map((demo) => agreementIn(demo, locale)) }))
    }
    const agreement = /^\/v1\/agreements\/([^/]+)(\/cancellation-check|\/cancellation|\/authorization)?$/.exec(path)
    if (agreement) {
      const [, rawId, action = ''] = agreement as unknown as [string, string, string | undefined]
      const id = pathParam(rawId)
      const operation = `${req.method} ${action} ${id}`
      if (req.method === 'GET' && action === '') return withFault(res, state.fault, () => ok(agreementIn(agreementOf(state, id), locale)))
      if (req.method === 'GET' && action === '/cancellation-check') {
        return withFault(res, state.fault, () => {
          const demo = agreementOf(state, id)
          return ok(
            demo.refusal
              ? { allowed: false, reason: demo.refusal.reason, detail: demo.refusal.detail[locale], merchantUrl: demo.merchantUrl }
              : { allowed: demo.agreement.status === 'active' },
          )
        })
      }
      if (req.method === 'POST' && action === '/cancellation')
        return withFault(res, state.fault, () => once(req, state, operation, () => cancel(agreementOf(state, id), body, locale)))
      if (req.method === 'GET' && action === '/authorization') {
        return withFault(res, state.fault, () => {
          const demo = agreementOf(state, id)
          const found = agreementIn(demo, locale)
          if (found.status !== 'pending') throw new HttpProblem(409, 'not-pending', 'Only a pending agreement can be authorized.')
          return ok({
            agreementId: found.id,
            merchant: found.merchant,
            wallet: { name: walletName(tenant, locale), logoUrl: `${logoBase}wallet-${tenant}.svg` },
            maskedAccount: maskedAccount(tenant, user),
            scopes: found.scopes,
            description: found.description,
            paymentLimit: found.paymentLimit,
            termsUrl: `https://${tenant}.wallet.example/terms/auto-debit`,
          } satisfies Authorization)
        })
      }
      if (req.method === 'POST' && action === '/authorization')
        return withFault(res, state.fault, () => once(req, state, operation, () => authorize(agreementOf(state, id), body, locale)))
    }
    throw new HttpProblem(404, 'not-found', `No ${req.method} ${path} in the MPP API.`)
  }
}

function withCors(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    // Bearer tokens, not cookies, carry identity, so any origin may call the sandbox.
    res.setHeader('access-control-allow-origin', '*')
    res.setHeader('access-control-allow-headers', 'authorization, content-type, idempotency-key')
    res.setHeader('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS')
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end()
      return
    }
    try {
      await handler(req, res)
    } catch (error) {
      if (error instanceof HttpProblem) return sendProblem(res, error)
      console.error('[mpp] unexpected error', error)
      sendProblem(res, new HttpProblem(500, 'internal-error', 'The sandbox failed; its log says why.'))
    }
  }
}

export type RunningSandbox = { url: string; server: Server; close: () => Promise<void> }

/** Starts the sandbox MPP; port 0 picks a free port. */
export function startSandbox(port: number, host = '127.0.0.1'): Promise<RunningSandbox> {
  const server = createServer(withCors(createRouter()))
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo
      resolve({
        url: `http://localhost:${actual}`,
        server,
        close: () =>
          new Promise((done) => {
            server.close(() => done())
            // A slow answer in progress must not hold the process open after the sandbox stops.
            server.closeAllConnections()
          }),
      })
    })
  })
}
