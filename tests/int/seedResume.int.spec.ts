import { spawn } from 'node:child_process'
import type { Payload } from 'payload'
import { afterAll, describe, expect, test } from 'vitest'

import { rootDir } from '../helpers/center'
import { comparable } from '../helpers/contentSnapshots'
import { releaseTestDatabase, useTestDatabase } from '../helpers/database'
import { freePort } from '../helpers/freePort'

const database = useTestDatabase('seed-resume')
let payload: Payload | undefined

afterAll(() => releaseTestDatabase(database, payload))

/** Runs `center start` on this spec's database and SIGKILLs it as soon as it says one tenant is seeded; answers that tenant. */
async function startAndKillAfterFirstTenant(): Promise<string> {
  const env = {
    ...process.env,
    ...database.env,
    CMS_PORT: String(await freePort()),
    SITE_PORT: String(await freePort()),
    MPP_PORT: String(await freePort()),
  }
  const child = spawn(process.execPath, ['scripts/center.mjs', 'start'], { cwd: rootDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => (output += chunk))
    child.stdout.on('data', (chunk) => {
      output += chunk
      const seeded = /^Seeded (\S+?):? /m.exec(output)
      if (seeded && child.exitCode === null) {
        child.kill('SIGKILL')
        child.once('exit', () => resolve(seeded[1]!))
      }
    })
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`center start exited (${code}) before seeding one tenant:\n${output.slice(-3000)}`))
    })
  })
}

describe('seeding on start', () => {
  test('a first start killed during seeding is finished by the next start: every demo MPP and its content is there exactly once', async () => {
    const first = await startAndKillAfterFirstTenant()

    const { openCms } = await import('../../scripts/lib/cms')
    const { seedDemoIfNeeded, demoEditor, demoPublisher, demoSuperAdmin } = await import('../../cms/seed')
    const { readSnapshots } = await import('../../content/files')
    const { exportSnapshot } = await import('../../cms/publish/exportSnapshot')
    payload = await openCms()
    const snapshots = readSnapshots()
    const seededBefore = (await payload.find({ collection: 'tenants', depth: 0, limit: 0 })).docs.map((t) => t.slug)
    // The kill came midway: the first tenant is there, and not every one.
    expect(seededBefore).toContain(first)
    expect(seededBefore.length).toBeLessThan(snapshots.length)

    const lines: string[] = []
    expect(await seedDemoIfNeeded(payload, (line) => lines.push(line))).toMatchObject({ created: expect.any(Number) })
    expect(lines[0]).toContain('did not finish')

    const tenants = (await payload.find({ collection: 'tenants', depth: 0, limit: 0, sort: 'slug' })).docs
    expect(tenants.map((t) => t.slug)).toEqual(snapshots.map((s) => s.tenant.slug).sort())
    for (const snapshot of snapshots) {
      const tenant = tenants.find((t) => t.slug === snapshot.tenant.slug)!
      const ofTenant = { tenant: { equals: tenant.id } }
      const count = async (collection: 'qa-categories' | 'qas' | 'guides' | 'campaigns' | 'media') =>
        (await payload!.count({ collection, where: ofTenant })).totalDocs
      expect({
        categories: await count('qa-categories'),
        qas: await count('qas'),
        guides: await count('guides'),
        campaigns: await count('campaigns'),
        media: await count('media'),
      }).toEqual({
        categories: snapshot.categories.length,
        qas: snapshot.qas.length,
        guides: snapshot.guides.length,
        campaigns: snapshot.campaigns.length,
        media: snapshot.media.length,
      })
      expect(comparable(await exportSnapshot(payload, snapshot.tenant.slug))).toEqual(comparable(snapshot))
    }
    const emails = (await payload.find({ collection: 'users', depth: 0, limit: 0 })).docs.map((u) => u.email).sort()
    expect(emails).toEqual([demoSuperAdmin, ...snapshots.flatMap((s) => [demoEditor(s.tenant.slug), demoPublisher(s.tenant.slug)])].sort())

    // Once finished, a later start leaves the database alone.
    expect(await seedDemoIfNeeded(payload, () => {})).toBeUndefined()
  }, 600_000)
})
