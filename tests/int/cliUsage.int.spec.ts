import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'

import { runCenter } from '../helpers/center'
import { freePort } from '../helpers/freePort'

const dataDir = mkdtempSync(join(tmpdir(), 'center-cli-usage-'))
const env = { CENTER_DATA_DIR: dataDir, DATABASE_URL: `file:${join(dataDir, 'center.db')}` }
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const commands = [
  'start',
  'seed',
  'export',
  'build',
  'rebuild',
  'rollback',
  'ask',
  'popularity',
  'tenants',
  'mpp',
  'serve',
  'token',
  'ensure-browser',
  'bench',
]

describe('the center command line', () => {
  test('center help lists every command with one line each', async () => {
    const run = await runCenter(['help'], env)
    expect(run.code).toBe(0)
    for (const command of commands) expect(run.stdout).toMatch(new RegExp(`^  ${command}\\b.*\\S`, 'm'))
  })

  test('center start --help prints its usage and exits 0 without starting anything, even with its port taken', async () => {
    const port = await freePort()
    const blocker: Server = createServer()
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve))
    const run = await runCenter(['start', '--help'], { ...env, SITE_PORT: String(port) })
    blocker.close()
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: center start')
    expect(run.stderr).not.toContain('in use')
    // Nothing was seeded or built: the data folder is as empty as it was made.
    expect(readdirSync(dataDir)).toEqual([])
  })

  test.each(['seed', 'bench', 'build'])("center %s --help prints that command's options and does no work", async (command) => {
    const run = await runCenter([command, '--help'], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Usage: center ${command}`)
    expect(readdirSync(dataDir)).toEqual([])
  })

  test('an unknown command or option exits 2 with the usage, without a stack trace', async () => {
    const unknownCommand = await runCenter(['frobnicate'], env)
    expect(unknownCommand.code).toBe(2)
    expect(unknownCommand.stderr).toContain("unknown command 'frobnicate'")
    expect(unknownCommand.stderr).toContain('Usage: center')
    const unknownOption = await runCenter(['seed', '--tenants', '3'], env)
    expect(unknownOption.code).toBe(2)
    expect(unknownOption.stderr).toContain("unknown option '--tenants'")
    expect(unknownOption.stderr).toContain('Usage: center seed')
    expect(unknownOption.stderr).not.toMatch(/at .*\.ts:\d+/)
  })

  test('a command missing a required option exits 2 naming it', async () => {
    const run = await runCenter(['export'], env)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain("required option '--tenant <slug>' not specified")
  })
})
