import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

import { sqliteUrl } from '../../cms/database'
import { dataDir, payloadSecret } from '../../cms/env'
import { requireTenant } from '../../cms/lib/tenants'
import type { Tenant } from '../../cms/payload-types'
import { startSandbox } from '../../mpp/sandbox/server'
import { issueToken } from '../../mpp/sandbox/tokens'
import { cmsDir, ensureAdminBuilt, nextBin } from '../lib/admin'
import { freePort } from '../lib/ports'
import { cmsKeepAliveMs, waitForHttp } from '../lib/start'
import { load, paced, type LoadFigures } from './load'
import { latency, type Latency } from './stats'

export type ReadFigures = LoadFigures & {
  docsPerResponse: number
  /** One request at a time over HTTP, and the same find through the Local API in this process (no HTTP, no Next): where the time goes. */
  sequentialMs: Latency
  localApiMs: Latency
}

/** Feedback events sent, answered 201, and found in the database afterwards: each must be there exactly once. */
export type FeedbackFigures = LoadFigures & {
  /** Events sent: those answered 201, plus the last one on each connection, which the run stops waiting for but the server still writes. */
  sent: number
  accepted: number
  counted: number
  distinctCounted: number
}

/** Claims by distinct users on one campaign: vouchers never above the budget, never two for one user. */
export type ClaimFigures = LoadFigures & { users: number; budget: number; issued: number; vouchers: number; distinctVoucherUsers: number }

/** Feedback from clients that pause between events: the rate they offer together, and what the server did with it. */
export type PacedFeedbackFigures = FeedbackFigures & { offeredPerSecond: number }

export type ApiFigures = {
  read: ReadFigures
  feedback?: FeedbackFigures
  feedbackPaced?: PacedFeedbackFigures
  liveRewards?: LoadFigures
  claims?: ClaimFigures
}

/**
 * The sizes of the load scenarios: the issue's 200 concurrent clients for 30 s on feedback and
 * claims. Feedback runs twice: with no pause between a client's events (what one CMS process can
 * take at most) and with the 200 clients offering the aim's 300 events a second together.
 */
export const loadSizes = {
  read: { connections: 50, seconds: 10 },
  feedback: { connections: 200, seconds: 30 },
  feedbackPaced: { connections: 200, perSecond: 300, seconds: 30 },
  liveRewards: { connections: 200, seconds: 10 },
  claims: { connections: 200, seconds: 30 },
} as const

/** Users prepared for the claim scenario (more than it can claim in 30 s here) and the campaign's budget, small enough to run out. */
const claimUsers = 6000
const claimBudget = 500

/**
 * A distinct client address per request, as many phones behind the load balancer would have: the
 * CMS runs with TRUST_PROXY=1, so it reads X-Forwarded-For, and the per-client limits (30 feedback
 * events a minute) apply per simulated phone rather than to the bench as one client.
 */
let clients = 0
const nextClient = () => `10.${(++clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`

/** The published Q&A list of a tenant, 50 connections for 10 s, after timing it one request at a time over HTTP and through the Local API. */
async function measureRead(payload: Payload, origin: string, tenant: Tenant, log: (line: string) => void): Promise<ReadFigures> {
  const locale = tenant.defaultLocale
  const path = `/api/qas?where[tenant][equals]=${tenant.id}&where[_status][equals]=published&locale=${locale}&depth=0&limit=20&sort=order`
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
    await payload.find({
      collection: 'qas',
      where: { and: [{ tenant: { equals: tenant.id } }, { _status: { equals: 'published' } }] },
      locale,
      depth: 0,
      limit: 20,
      sort: 'order',
      overrideAccess: false,
    })
    localApi.push(performance.now() - started)
  }
  const { connections, seconds } = loadSizes.read
  log(`api: ${connections} connections for ${seconds} s on GET ${path}`)
  const figures = await load(origin, `GET ${path}`, { connections, seconds, setupRequest: (req) => req })
  return { ...figures, docsPerResponse: body.docs.length, sequentialMs: latency(sequential), localApiMs: latency(localApi) }
}

/**
 * POST /api/feedback from 200 clients for 30 s, each event a view of a published Q&A with its own
 * question text; afterwards the database must hold every accepted event exactly once. `saturated`:
 * each client sends its next event as soon as it has the answer (autocannon), which measures what
 * one CMS process can take; `paced`: the clients together offer the aim's 300 events a second.
 */
async function measureFeedback(
  payload: Payload,
  origin: string,
  tenant: Tenant,
  mode: 'saturated' | 'paced',
  log: (line: string) => void,
): Promise<FeedbackFigures> {
  const { docs } = await payload.find({
    collection: 'qas',
    where: { and: [{ tenant: { equals: tenant.id } }, { _status: { equals: 'published' } }] },
    limit: 1,
    depth: 0,
  })
  if (!docs[0]) throw new Error(`${tenant.slug} has no published Q&A to send feedback about`)
  const run = `bench-${randomBytes(4).toString('hex')}`
  let sent = 0
  // Each event from its own client address, so the per-client limit (30 a minute) is not what is measured.
  const headers = () => ({ 'content-type': 'application/json', 'x-forwarded-for': nextClient() })
  const body = () =>
    JSON.stringify({
      tenant: tenant.slug,
      locale: tenant.defaultLocale,
      kind: 'view',
      query: `${run} question ${++sent}`,
      qa: docs[0]!.slug,
    })
  let figures: LoadFigures
  if (mode === 'paced') {
    const { connections, perSecond, seconds } = loadSizes.feedbackPaced
    log(`api: ${connections} clients offering ${perSecond} events/s for ${seconds} s on POST /api/feedback`)
    figures = await paced(origin, `POST /api/feedback, ${perSecond}/s offered`, {
      clients: connections,
      perSecond,
      seconds,
      next: () => ({ method: 'POST', path: '/api/feedback', headers: headers(), body: body() }),
    })
  } else {
    const { connections, seconds } = loadSizes.feedback
    log(`api: ${connections} connections for ${seconds} s on POST /api/feedback`)
    figures = await load(origin, 'POST /api/feedback', {
      connections,
      seconds,
      setupRequest: (req) => ({ ...req, headers: headers(), body: body() }),
    })
  }
  // A 201 is sent once the event is written; the requests still in flight when the run ends are
  // written too, a moment later.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const stored = await payload.find({
    collection: 'feedback',
    where: { query: { like: run } },
    limit: 0,
    depth: 0,
    pagination: false,
    select: { query: true },
  })
  return {
    ...figures,
    sent,
    accepted: figures.statuses['201'] ?? 0,
    counted: stored.docs.length,
    distinctCounted: new Set(stored.docs.map((row) => row.query)).size,
  }
}

/** GET /api/rewards?tenant=: the rewards page asks how many vouchers each running campaign has left. */
async function measureLiveRewards(origin: string, tenant: Tenant, log: (line: string) => void): Promise<LoadFigures> {
  const { connections, seconds } = loadSizes.liveRewards
  const path = `/api/rewards?tenant=${tenant.slug}`
  log(`api: ${connections} connections for ${seconds} s on GET ${path}`)
  return load(origin, `GET ${path}`, {
    connections,
    seconds,
    setupRequest: (req) => ({ ...req, headers: { 'x-forwarded-for': nextClient() } }),
  })
}

/**
 * POST /api/rewards/<campaign>/claim from 200 clients for 30 s, each claim by a new user (the
 * sandbox MPP says "new-…" users are new) of one campaign with no tutorial and a budget of 500:
 * the budget runs out during the run, so the answers are 201 then 409 sold-out.
 */
async function measureClaims(payload: Payload, origin: string, tenant: Tenant, log: (line: string) => void): Promise<ClaimFigures> {
  const now = Date.now()
  const campaign = await payload.create({
    collection: 'campaigns',
    context: { seeding: true },
    depth: 0,
    data: {
      tenant: tenant.id,
      slug: `bench-claims-${randomBytes(3).toString('hex')}`,
      title: 'Bench claims',
      voucher: { merchant: 'Bench Mart', currency: 'HKD', value: 1000, validityDays: 30 },
      budget: claimBudget,
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 86_400_000).toISOString(),
      _status: 'published',
    },
  })
  const users = Array.from({ length: claimUsers }, (_, i) => `new-bench-${campaign.id}-${i}`)
  const tokens = await Promise.all(users.map((user) => issueToken(tenant.slug, user)))
  let claims = 0
  const { connections, seconds } = loadSizes.claims
  const path = `/api/rewards/${campaign.slug}/claim?tenant=${tenant.slug}`
  log(`api: ${connections} connections for ${seconds} s on POST ${path}, ${claimUsers} users, budget ${claimBudget}`)
  const figures = await load(origin, `POST ${path}`, {
    connections,
    seconds,
    setupRequest: (req) => {
      const n = claims++
      return {
        ...req,
        headers: {
          authorization: `Bearer ${tokens[n % tokens.length]}`,
          'idempotency-key': `bench-claim-${n}-${campaign.id}`,
          'x-forwarded-for': nextClient(),
        },
      }
    },
  })
  const vouchers = (
    await payload.find({ collection: 'vouchers', where: { campaign: { equals: campaign.id } }, limit: 0, depth: 0, pagination: false })
  ).docs
  return {
    ...figures,
    users: Math.min(claims, claimUsers),
    budget: claimBudget,
    issued: figures.statuses['201'] ?? 0,
    vouchers: vouchers.length,
    distinctVoucherUsers: new Set(vouchers.map((v) => v.user)).size,
  }
}

/** Starts the CMS as `center start` does (`next start`, production build, SQLite) with the sandbox MPP beside it. */
async function serveCms(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<{ origin: string; server: ChildProcess }> {
  await ensureAdminBuilt(env, log)
  const port = await freePort()
  const server = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--keepAliveTimeout', String(cmsKeepAliveMs)], {
    cwd: cmsDir,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const origin = `http://localhost:${port}`
  await waitForHttp(`${origin}/api/users/me`, server)
  return { origin, server }
}

/** The CMS served over HTTP (`next start`, production build) with the sandbox MPP beside it, as `center start` runs them. */
export type ServedCenter = { cmsOrigin: string; sandboxOrigin: string; close: () => Promise<void> }

/** Serves the CMS on the bench's database with a sandbox MPP on a free port (`extraEnv` on top); `close` stops both. */
export async function serveCenter(log: (line: string) => void, extraEnv: Record<string, string> = {}): Promise<ServedCenter> {
  const sandbox = await startSandbox(0)
  const env = {
    ...process.env,
    DATABASE_URL: sqliteUrl(process.env.DATABASE_URL),
    CENTER_DATA_DIR: dataDir,
    PAYLOAD_SECRET: payloadSecret(),
    NODE_ENV: 'production' as const,
    MPP_SANDBOX_ORIGIN: sandbox.url,
    TRUST_PROXY: '1',
    // The claims and the rewards page carry tokens the sandbox signs.
    CENTER_SANDBOX: '1',
    ...extraEnv,
  }
  let cms: { origin: string; server: ChildProcess } | undefined
  try {
    cms = await serveCms(env, log)
  } catch (error) {
    await sandbox.close()
    throw error
  }
  const { origin, server } = cms
  return {
    cmsOrigin: origin,
    sandboxOrigin: sandbox.url,
    close: async () => {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve))
        server.kill('SIGTERM')
        await exited
      }
      await sandbox.close()
    },
  }
}

/**
 * Serves the CMS and loads the Center API with each scenario in turn: a public read (published
 * Q&As), feedback, the live rewards list and voucher claims. A scenario that fails is reported
 * in `errors`, and the next still runs.
 */
export async function measureApi(
  payload: Payload,
  tenantSlug: string,
  rewardsTenantSlug: string,
  log: (line: string) => void,
): Promise<{ figures: ApiFigures; errors: string[] }> {
  const tenant = await requireTenant(payload, tenantSlug)
  const rewardsTenant = await requireTenant(payload, rewardsTenantSlug)
  const center = await serveCenter(log)
  try {
    const origin = center.cmsOrigin
    const figures: ApiFigures = { read: await measureRead(payload, origin, tenant, log) }
    const errors: string[] = []
    const attempt = async <K extends Exclude<keyof ApiFigures, 'read'>>(name: K, work: () => Promise<NonNullable<ApiFigures[K]>>) => {
      try {
        figures[name] = await work()
      } catch (error) {
        errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`)
        log(`api: ${name} failed: ${errors.at(-1)}`)
      }
    }
    await attempt('feedback', () => measureFeedback(payload, origin, tenant, 'saturated', log))
    // After the saturated run, so the server is warm, as one that has been serving is.
    await attempt('feedbackPaced', async () => ({
      ...(await measureFeedback(payload, origin, tenant, 'paced', log)),
      offeredPerSecond: loadSizes.feedbackPaced.perSecond,
    }))
    await attempt('liveRewards', () => measureLiveRewards(origin, rewardsTenant, log))
    await attempt('claims', () => measureClaims(payload, origin, rewardsTenant, log))
    return { figures, errors }
  } finally {
    await center.close()
  }
}
