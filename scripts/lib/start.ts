import { spawn, type ChildProcess } from 'node:child_process'

import { databaseKind, sqliteUrl } from '../../cms/database'
import { dataDir, payloadSecret } from '../../cms/env'
import { buildNow } from '../../cms/publish/commands'
import { listTenants } from '../../cms/publish/exportSnapshot'
import { demoEditor, demoPassword, demoPublisher, demoSuperAdmin, seedDemoIfNeeded } from '../../cms/seed'
import type { Snapshot } from '../../content/schema'
import { startSandbox } from '../../mpp/sandbox/server'
import { issueToken } from '../../mpp/sandbox/tokens'
import { cmsDir, ensureAdminBuilt, nextBin } from './admin'
import { openCms } from './cms'
import { assertPortFree, portFrom } from './ports'
import { listenHost, startSite } from './serve'

const log = (line: string) => console.log(line)

/** Waits until the CMS answers a URL without a server error, failing early if its process exits. */
export async function waitForHttp(url: string, child: ChildProcess, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`The CMS exited with code ${child.exitCode} before it was ready`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The CMS did not answer at ${url} within ${seconds} s`)
}

/**
 * How long the CMS keeps a client's idle keep-alive connection open (`next start --keepAliveTimeout`),
 * longer than the 60 s idle timeout of common load balancers, so the proxy or client always closes
 * first. With Node's 5 s default, 186 to 309 of about 4,700 voucher claims per bench run (200
 * clients) got no answer within 10 s, while the CMS logged every claim it received as answered
 * within 1.3 s. The timeouts that remain come from new connections waiting to be accepted (one per
 * event-loop turn since Node 20); docs/deploy.md has the figures.
 */
export const cmsKeepAliveMs = 65_000

/** `next start`'s arguments for the CMS: its port, the one address it listens on, and its keep-alive timeout. */
export const cmsServerArgs = (port: number, host: string): string[] => [
  nextBin,
  'start',
  '--port',
  String(port),
  '--hostname',
  host,
  '--keepAliveTimeout',
  String(cmsKeepAliveMs),
]

/**
 * `npm start`: seeds the demo content when needed (seedDemoIfNeeded), builds every tenant, then serves the CMS (admin and
 * API), the site and the sandbox MPP until Ctrl-C.
 */
export async function start(env = process.env): Promise<void> {
  const ports = { cms: portFrom(env, 'CMS_PORT', 3000), site: portFrom(env, 'SITE_PORT', 4321), mpp: portFrom(env, 'MPP_PORT', 4010) }
  await assertPortFree(ports.cms, 'CMS_PORT')
  await assertPortFree(ports.site, 'SITE_PORT')
  await assertPortFree(ports.mpp, 'MPP_PORT')

  const databaseUrl = databaseKind(env.DATABASE_URL) === 'sqlite' ? sqliteUrl(env.DATABASE_URL) : env.DATABASE_URL!
  const cmsEnv = {
    ...env,
    DATABASE_URL: databaseUrl,
    CENTER_DATA_DIR: dataDir,
    PAYLOAD_SECRET: payloadSecret(),
    NODE_ENV: 'production' as const,
  }

  // Loopback only unless HOST says otherwise: the demo logins must not be reachable from the network.
  const host = listenHost(env)
  const mpp = await startSandbox(ports.mpp, host)
  const site = await startSite(ports.site, undefined, host)
  const cmsUrl = `http://localhost:${ports.cms}`
  // Built pages call the Center API at this CMS; it lets the site's origin in (CORS).
  const apiEnv = { CENTER_API_URL: env.CENTER_API_URL || `${cmsUrl}/api`, CENTER_SITE_ORIGINS: env.CENTER_SITE_ORIGINS || site.url }
  let cms: ChildProcess | undefined
  let stopping = false
  const stop = async (code: number) => {
    if (stopping) return
    stopping = true
    // The CMS finishes a running build (within CENTER_SHUTDOWN_GRACE_MS) before it exits.
    const cmsExited = cms && cms.exitCode === null ? new Promise((resolve) => cms!.once('exit', resolve)) : undefined
    cms?.kill('SIGTERM')
    await Promise.all([mpp.close(), site.close(), cmsExited])
    process.exit(code)
  }
  process.on('SIGINT', () => void stop(0))
  process.on('SIGTERM', () => void stop(0))

  try {
    const payload = await openCms()
    await seedDemoIfNeeded(payload, log)
    const tenants = await listTenants(payload)
    /** What the demo links need of each built tenant: its default locale and features. */
    const built: Pick<Snapshot['tenant'], 'slug' | 'defaultLocale' | 'features'>[] = []
    const features = new Map(
      (
        await payload.find({ collection: 'tenants', limit: 0, pagination: false, depth: 0, select: { slug: true, features: true } })
      ).docs.map((doc) => [doc.slug, (doc.features ?? []) as Snapshot['tenant']['features']]),
    )
    for (const tenant of tenants) {
      // Through the one publish owner, so these first builds are Builds rows like every later one.
      const result = await buildNow(payload, tenant.slug, { sandboxOrigin: mpp.url, centerApiUrl: apiEnv.CENTER_API_URL })
      for (const warning of result.warnings) log(`Warning: ${warning}`)
      built.push({
        slug: tenant.slug,
        defaultLocale: tenant.defaultLocale as Snapshot['tenant']['defaultLocale'],
        features: features.get(tenant.slug) ?? [],
      })
      log(`Built ${tenant.slug} (${tenant.locales.join(', ')}) in ${result.seconds.toFixed(1)} s`)
    }
    await payload.destroy()

    await ensureAdminBuilt(cmsEnv, log)
    // The CMS server runs queued rebuilds itself (publishes, webhooks, `center rebuild`), building
    // against this sandbox.
    // NEXT_MANUAL_SIG_HANDLE: the Center, not Next, handles SIGTERM, so a running build can finish.
    // CENTER_SANDBOX: this Center runs with the sandbox MPP, so the Center API takes its demo tokens.
    const serverEnv = {
      ...cmsEnv,
      ...apiEnv,
      CENTER_REBUILD_RUNNER: '1',
      MPP_SANDBOX_ORIGIN: mpp.url,
      NEXT_MANUAL_SIG_HANDLE: 'true',
      CENTER_SANDBOX: '1',
    }
    cms = spawn(process.execPath, cmsServerArgs(ports.cms, host), { cwd: cmsDir, env: serverEnv, stdio: ['ignore', 'inherit', 'inherit'] })
    cms.on('exit', (code) => {
      if (!stopping) {
        console.error(`The CMS stopped (exit code ${code}).`)
        void stop(1)
      }
    })
    await waitForHttp(`${cmsUrl}/api/ready`, cms)

    log('')
    log('Center is running:')
    log(`  CMS admin   ${cmsUrl}/admin`)
    log(`  CMS API     ${cmsUrl}/api`)
    log(`  Site        ${site.url}/`)
    log(`  Sandbox MPP ${mpp.url}`)
    log('Demo logins (local only):')
    log(`  ${demoSuperAdmin} / ${demoPassword.superAdmin} (super-admin)`)
    for (const tenant of tenants) {
      log(`  ${demoEditor(tenant.slug)} / ${demoPassword.editor} (editor of ${tenant.slug})`)
      log(`  ${demoPublisher(tenant.slug)} / ${demoPassword.publisher} (publisher of ${tenant.slug})`)
    }
    if (built.length) log("Demo pages in each MPP's default locale (tokens valid 15 minutes; rewards as a new user):")
    const width = Math.max(...built.map((tenant) => tenant.slug.length)) + ' agreements: '.length
    for (const tenant of built) {
      const link = (page: string, token: string) =>
        log(`  ${`${tenant.slug} ${page}:`.padEnd(width)}${site.url}/${tenant.slug}/${tenant.defaultLocale}/${page}/#token=${token}`)
      const token = await issueToken(tenant.slug, 'demo-user')
      link('bills', token)
      link('agreements', token)
      // Users whose id starts with "new-" have never paid abroad in the sandbox: they may claim vouchers.
      if (tenant.features.includes('rewards')) link('rewards', await issueToken(tenant.slug, 'new-demo-user'))
    }
    const first = built[0]
    if (first) {
      // The wallet app's side of the host bridge (docs/host-bridge.md): it frames the Center, so the Center must allow it.
      const framing = env.CENTER_FRAME_ANCESTORS?.includes(mpp.url) ? '' : ` (start with CENTER_FRAME_ANCESTORS=${mpp.url})`
      const page = `${site.url}/${first.slug}/${first.defaultLocale}/bills/`
      log(`Host-app demo, a token renewed by the app${framing}:`)
      log(`  ${mpp.url}/${first.slug}/sandbox/host?start=expired&page=${encodeURIComponent(page)}`)
    }
    log('Press Ctrl-C to stop.')
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    await stop(1)
  }
}
