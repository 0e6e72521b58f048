import type { Payload } from 'payload'

import { defaultSandboxOrigin } from '../../cms/lib/mppOrigin'
import { requireTenant } from '../../cms/lib/tenants'
import { buildTenant } from '../../cms/publish/buildSite'
import { exportSnapshot } from '../../cms/publish/exportSnapshot'
import { startRebuildRunner } from '../../cms/publish/runner'
import { seed } from '../../cms/seed'
import type { Snapshot } from '../../content/schema'
import { freePort } from '../lib/ports'
import { startSite } from '../lib/serve'
import { percentile } from './stats'

export type RebuildFigures = {
  scenario: string
  tenant: string
  tenantsInDatabase: number
  pages: string
  /** Publish to served, each run. */
  seconds: number[]
  medianSeconds: number
  /** Of each run: queued until the runner started it, and started until live (export, astro build, checks, switch), from the build's row. */
  waitSeconds: number[]
  buildSeconds: number[]
}
export type RebuildResult = RebuildFigures[]

/**
 * How many generated tenants join the database for the "generated size" case. A rebuild exports
 * and builds one tenant, so its time follows that tenant's size; seeding goes document by
 * document (about a minute per 3-locale, 40-Q&A tenant here), so only the rebuilt one is added.
 */
export const seededGeneratedTenants = 1

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls a page until it shows a text; answers when it did, or throws after `timeoutMs`. */
async function waitForText(url: string, text: string, timeoutMs = 300_000): Promise<number> {
  const deadline = performance.now() + timeoutMs
  while (performance.now() < deadline) {
    const response = await fetch(url)
    if (response.ok && (await response.text()).includes(text)) return performance.now()
    await sleep(100)
  }
  throw new Error(`${url} did not show "${text}" within ${timeoutMs / 1000} s`)
}

/**
 * Publishes a changed Q&A question through the Local API `times` times and times each until the
 * static server serves it: the publish hook queues a rebuild, the runner (as in the CMS server,
 * polling every second) exports, builds, checks and switches the tenant live.
 */
async function publishToLive(payload: Payload, siteUrl: string, snapshot: Snapshot, times: number, log: (line: string) => void) {
  const { slug, defaultLocale } = snapshot.tenant
  const tenant = (await requireTenant(payload, slug)).id
  const target = snapshot.qas[0]!
  const { docs } = await payload.find({
    collection: 'qas',
    where: { and: [{ tenant: { equals: tenant } }, { slug: { equals: target.slug } }] },
    limit: 1,
    depth: 0,
  })
  const page = `${siteUrl}/${slug}/${defaultLocale}/qas/${target.category}/${target.slug}/`
  const runs = { seconds: [] as number[], waitSeconds: [] as number[], buildSeconds: [] as number[] }
  for (let i = 1; i <= times; i++) {
    const marker = `Bench publish ${i} ${Date.now().toString(36)}`
    const started = performance.now()
    await payload.update({ collection: 'qas', id: docs[0]!.id, locale: defaultLocale, data: { question: marker, _status: 'published' } })
    runs.seconds.push(((await waitForText(page, marker)) - started) / 1000)
    const { docs: live } = await payload.find({
      collection: 'builds',
      where: { and: [{ tenant: { equals: tenant } }, { live: { equals: true } }] },
      limit: 1,
      depth: 0,
    })
    const build = live[0]
    runs.waitSeconds.push(build?.startedAt ? (Date.parse(build.startedAt) - Date.parse(build.createdAt)) / 1000 : Number.NaN)
    runs.buildSeconds.push(build?.duration ?? Number.NaN)
    log(
      `rebuild: ${slug} publish ${i}/${times} live after ${runs.seconds.at(-1)!.toFixed(1)} s (waited ${runs.waitSeconds.at(-1)!.toFixed(1)} s, built in ${runs.buildSeconds.at(-1)!.toFixed(1)} s)`,
    )
  }
  return runs
}

/** Builds a tenant from the CMS once, so its pages are live before a publish is timed. */
async function buildFromCms(payload: Payload, slug: string): Promise<void> {
  await buildTenant(await exportSnapshot(payload, slug), { sandboxOrigin: defaultSandboxOrigin, quiet: true })
}

const pagesOf = (s: Snapshot) => `${s.tenant.locales.length} locales × ${s.qas.length} Q&As`

/** Publish-to-live, median of `times`, with the 3 demo tenants in the database, then with generated tenants added. */
export async function measureRebuild(
  payload: Payload,
  demo: Snapshot[],
  generated: Snapshot[],
  log: (line: string) => void,
  times = 5,
): Promise<RebuildResult> {
  await seed(payload, demo, { demoUsers: false })
  for (const { tenant } of demo) await buildFromCms(payload, tenant.slug)
  const site = await startSite(await freePort())
  const runner = startRebuildRunner(payload)
  try {
    const result: RebuildResult = []
    const small = await publishToLive(payload, site.url, demo[0]!, times, log)
    result.push({
      scenario: `${demo.length} tenants`,
      tenant: demo[0]!.tenant.slug,
      tenantsInDatabase: demo.length,
      pages: pagesOf(demo[0]!),
      ...small,
      medianSeconds: percentile(small.seconds, 50),
    })

    const added = generated.slice(0, seededGeneratedTenants)
    log(`rebuild: seeding ${added.length} generated tenants`)
    await seed(payload, added, { demoUsers: false })
    await buildFromCms(payload, added[0]!.tenant.slug)
    const large = await publishToLive(payload, site.url, added[0]!, times, log)
    result.push({
      scenario: 'generated size',
      tenant: added[0]!.tenant.slug,
      tenantsInDatabase: demo.length + added.length,
      pages: pagesOf(added[0]!),
      ...large,
      medianSeconds: percentile(large.seconds, 50),
    })
    return result
  } finally {
    await runner.stop()
    await site.close()
  }
}
