import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

import { startSandbox } from '../../mpp/sandbox/server'
import { listenHost, startSite } from '../../scripts/lib/serve'
import { cmsServerArgs } from '../../scripts/lib/start'

const emptyLive = () => mkdtempSync(join(tmpdir(), 'center-binding-'))

describe('what `npm start` listens on', () => {
  test('without HOST the site, the sandbox and the CMS listen on loopback only', async () => {
    const host = listenHost({})
    expect(host).toBe('127.0.0.1')
    const site = await startSite(0, emptyLive(), host)
    const sandbox = await startSandbox(0, host)
    try {
      expect((site.server.address() as AddressInfo).address).toBe('127.0.0.1')
      expect((sandbox.server.address() as AddressInfo).address).toBe('127.0.0.1')
    } finally {
      await Promise.all([site.close(), sandbox.close()])
    }
    const args = cmsServerArgs(3000, host)
    expect(args.slice(args.indexOf('--hostname'), args.indexOf('--hostname') + 2)).toEqual(['--hostname', '127.0.0.1'])
  })

  test('HOST opens them to the address it names, e.g. every interface', async () => {
    const host = listenHost({ HOST: '0.0.0.0' })
    const site = await startSite(0, emptyLive(), host)
    try {
      expect((site.server.address() as AddressInfo).address).toBe('0.0.0.0')
    } finally {
      await site.close()
    }
    expect(cmsServerArgs(3000, host)).toContain('0.0.0.0')
  })

  test('the site server started the way `center serve` starts it (no host given) listens on loopback', async () => {
    const site = await startSite(0, emptyLive())
    try {
      expect((site.server.address() as AddressInfo).address).toBe(process.env.HOST || '127.0.0.1')
    } finally {
      await site.close()
    }
  })
})
