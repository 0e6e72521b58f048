import { cpSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'

import { rootDir, runCenter } from '../helpers/center'
import { releaseTestDatabase, useTestDatabase } from '../helpers/database'
import { freePort } from '../helpers/freePort'

const database = useTestDatabase('cli')
const { dataDir, env } = database

afterAll(() => releaseTestDatabase(database))

/** The Builds rows as the admin lists them, read in this process from the database the commands used. */
async function buildRows() {
  const { openCms } = await import('../../scripts/lib/cms')
  const payload = await openCms()
  try {
    const { docs } = await payload.find({ collection: 'builds', depth: 1, limit: 0, sort: 'createdAt' })
    return docs.map(({ buildId, tenant, trigger, state, live }) => ({
      buildId,
      tenant: typeof tenant === 'object' ? tenant?.slug : tenant,
      trigger,
      state,
      live,
    }))
  } finally {
    await payload.destroy()
  }
}

describe('the center command', () => {
  test('a malformed content file makes seed name the file and the field, and write nothing', async () => {
    const content = mkdtempSync(join(tmpdir(), 'center-content-'))
    cpSync(join(rootDir, 'content', 'tenants'), content, { recursive: true })
    const file = join(content, 'lumopay.json')
    const data = JSON.parse(readFileSync(file, 'utf8'))
    data.qas[1].question = { 'zh-Hans': '只有中文' }
    writeFileSync(file, JSON.stringify(data))

    const seeded = await runCenter(['seed', '--from', content], env)
    expect(seeded.code).not.toBe(0)
    expect(seeded.stderr).toContain('lumopay.json is not a valid snapshot')
    expect(seeded.stderr).toContain('qas.1.question: needs the default locale "en"')

    const tenants = await runCenter(['tenants', '--json'], env)
    expect(JSON.parse(tenants.stdout)).toEqual([])
    rmSync(content, { recursive: true, force: true })
  })

  test('seed loads the demo MPPs, and tenants --json lists them with their locales', async () => {
    expect((await runCenter(['seed'], env)).code).toBe(0)
    const tenants = await runCenter(['tenants', '--json'], env)
    expect(JSON.parse(tenants.stdout)).toEqual([
      { slug: 'chaba', name: 'Chaba Pay', locales: ['th', 'en'] },
      { slug: 'hoshi', name: 'Hoshi Wallet', locales: ['en', 'ja', 'ko'] },
      { slug: 'lumopay', name: 'LumoPay', locales: ['en', 'zh-Hant', 'zh-Hans'] },
      { slug: 'nakhla', name: 'Nakhla Pay', locales: ['ar', 'en', 'fil'] },
    ])
  })

  test('build --tenant builds that tenant live and records it in Builds, and an unknown tenant fails naming it', async () => {
    const built = await runCenter(['build', '--tenant', 'hoshi'], env)
    expect(built.code).toBe(0)
    const home = readFileSync(join(dataDir, 'site', 'live', 'hoshi', 'ja', 'index.html'), 'utf8')
    expect(home).toContain('<html lang="ja" dir="ltr">')
    expect(home).toContain('Hoshi Wallet')
    const buildId = /hoshi: build (\S+) in /.exec(built.stdout + built.stderr)?.[1]
    expect(buildId).toBeDefined()
    expect(await buildRows()).toEqual([{ buildId, tenant: 'hoshi', trigger: 'cli', state: 'live', live: true }])

    const unknown = await runCenter(['build', '--tenant', 'nope'], env)
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr).toContain('Unknown tenant "nope"')
  })

  test('rebuild --tenant queues a build, and rollback goes back to the previous kept build or says there is none', async () => {
    const queued = await runCenter(['rebuild', '--tenant', 'hoshi'], env)
    expect(queued.code).toBe(0)
    expect(queued.stdout).toMatch(/^Queued build \d{8}T\d{6}Z-\w+ of hoshi; the running CMS builds it\.$/m)
    expect((await runCenter(['rebuild', '--tenant', 'hoshi'], env)).stdout).toContain('A rebuild of hoshi was already queued')

    const none = await runCenter(['rollback', '--tenant', 'hoshi'], env)
    expect(none.code).not.toBe(0)
    expect(none.stderr).toContain('No build older than the live one')

    const first = readlinkSync(join(dataDir, 'site', 'live', 'hoshi'))
    expect((await runCenter(['build', '--tenant', 'hoshi'], env)).code).toBe(0)
    const rolledBack = await runCenter(['rollback', '--tenant', 'hoshi'], env)
    expect(rolledBack.code).toBe(0)
    expect(rolledBack.stdout).toMatch(/^Rolled hoshi back from build \S+ to \S+; it is live\.$/m)
    expect(readlinkSync(join(dataDir, 'site', 'live', 'hoshi'))).toBe(first)
  }, 300_000) // Five commands and a build: about 150 s when the machine is shared

  test('start with a port in use says which port and exits', async () => {
    const port = await freePort()
    const blocker: Server = createServer()
    await new Promise<void>((resolve) => blocker.listen(port, resolve))
    const started = await runCenter(['start'], {
      ...env,
      SITE_PORT: String(port),
      CMS_PORT: String(await freePort()),
      MPP_PORT: String(await freePort()),
    })
    blocker.close()
    expect(started.code).not.toBe(0)
    expect(started.stderr).toContain(`Port ${port} is in use`)
    expect(started.stderr).toContain('SITE_PORT')
  })
})
