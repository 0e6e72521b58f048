import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Webhook } from 'standardwebhooks'
import { afterAll, describe, expect, test } from 'vitest'

import { reachesLiveSite, tenantOf } from '../../cms/hooks/queueTenantRebuild'
import { rollbackTarget } from '../../cms/publish/buildSite'
import { brokenLinks, internalHrefs, targetFiles } from '../../cms/publish/checkLinks'
import { logTail } from '../../cms/publish/queue'
import { verifyWebhook } from '../../cms/publish/webhookVerification'

describe('the internal link check', () => {
  test("it collects a tenant's own links without query or fragment, and ignores other tenants and outside sites", () => {
    const html =
      '<a href="/lumopay/en/qas/#refunds">Q</a><a href=\'/lumopay/en/guides/?x=1&amp;y=2\'>G</a><a href="/hoshi/ja/">H</a><a href="https://example.com/lumopay/en/">E</a><link rel="alternate" href="/lumopay/zh-Hant/">'
    expect(internalHrefs(html, 'lumopay')).toEqual(['/lumopay/en/qas/', '/lumopay/en/guides/', '/lumopay/zh-Hant/'])
  })

  test('a folder link needs its index.html; a file link may also be a folder or an .html page', () => {
    expect(targetFiles('/lumopay/en/')).toEqual(['lumopay/en/index.html'])
    expect(targetFiles('/lumopay/en/guides/pay-online')).toEqual([
      'lumopay/en/guides/pay-online',
      'lumopay/en/guides/pay-online/index.html',
      'lumopay/en/guides/pay-online.html',
    ])
    expect(targetFiles('/lumopay/zh-Hant/%E6%94%AF/')).toEqual(['lumopay/zh-Hant/支/index.html'])
  })

  const out = mkdtempSync(join(tmpdir(), 'center-links-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))
  const page = (path: string, html: string) => {
    mkdirSync(dirname(join(out, path)), { recursive: true })
    writeFileSync(join(out, path), html)
  }

  test('a build whose page links to a missing page reports that link and the page it is on', () => {
    page(
      'lumopay/en/index.html',
      '<a href="/lumopay/en/guides/">Guides</a><a href="/lumopay/en/qas/">Q&As</a><a href="/lumopay/logo.svg">Logo</a>',
    )
    page('lumopay/en/guides/index.html', '<a href="/lumopay/en/">Home</a>')
    page('lumopay/logo.svg', '<svg/>')
    expect(brokenLinks(out, 'lumopay')).toEqual([{ page: 'lumopay/en/index.html', href: '/lumopay/en/qas/' }])
  })
})

describe('webhook verification', () => {
  const secret = `whsec_${Buffer.from('a'.repeat(24)).toString('base64')}`
  const other = `whsec_${Buffer.from('b'.repeat(24)).toString('base64')}`
  const body = JSON.stringify({ tenant: 'lumopay' })
  const signed = (key: string, at = new Date(), id = 'msg_1') => ({
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(key).sign(id, at, body),
  })

  test("a signature made by the standardwebhooks package verifies with any of the tenant's secrets", () => {
    expect(verifyWebhook(body, signed(secret), [secret])).toEqual({ ok: true })
    expect(verifyWebhook(body, signed(secret), [other, secret])).toEqual({ ok: true })
  })

  test('a signature with another secret, or over another body, is refused as a bad signature', () => {
    expect(verifyWebhook(body, signed(other), [secret])).toMatchObject({ ok: false, status: 401, code: 'bad-signature' })
    expect(verifyWebhook(JSON.stringify({ tenant: 'hoshi' }), signed(secret), [secret])).toMatchObject({
      ok: false,
      status: 401,
      code: 'bad-signature',
    })
  })

  test('a timestamp more than five minutes away is refused as expired', () => {
    expect(verifyWebhook(body, signed(secret, new Date(Date.now() - 6 * 60_000)), [secret])).toMatchObject({
      status: 401,
      code: 'expired',
    })
    expect(verifyWebhook(body, signed(secret, new Date(Date.now() + 6 * 60_000)), [secret])).toMatchObject({
      status: 401,
      code: 'expired',
    })
  })

  test('missing headers or a timestamp that is not a number are malformed; a tenant without secrets is unauthorized', () => {
    const { 'webhook-signature': _, ...unsigned } = signed(secret)
    expect(verifyWebhook(body, unsigned, [secret])).toMatchObject({
      status: 400,
      code: 'missing-headers',
      detail: 'Missing webhook-signature.',
    })
    expect(verifyWebhook(body, { ...signed(secret), 'webhook-timestamp': 'soon' }, [secret])).toMatchObject({
      status: 400,
      code: 'malformed-timestamp',
    })
    expect(verifyWebhook(body, signed(secret), [])).toMatchObject({ status: 401, code: 'no-secret' })
  })
})

describe('rebuild triggers', () => {
  test('publishing or unpublishing reaches the live site; saving a draft of unpublished content does not', () => {
    expect(reachesLiveSite({ id: 1, _status: 'published' }, { _status: 'draft' })).toBe(true)
    expect(reachesLiveSite({ id: 1, _status: 'draft' }, { _status: 'published' })).toBe(true)
    expect(reachesLiveSite({ id: 1, _status: 'draft' }, { _status: 'draft' })).toBe(false)
    expect(reachesLiveSite({ id: 1, _status: 'draft' })).toBe(false)
  })

  test('any change to content without drafts (a category, a tenant) reaches the live site', () => {
    expect(reachesLiveSite({ id: 1 })).toBe(true)
  })

  test("a document's tenant is its tenant field; a tenant is its own", () => {
    expect(tenantOf('qas', { id: 7, tenant: 2 })).toBe(2)
    expect(tenantOf('qas', { id: 7, tenant: { id: 3 } })).toBe(3)
    expect(tenantOf('tenants', { id: 4 })).toBe(4)
    expect(tenantOf('qas', { id: 7, tenant: null })).toBeUndefined()
  })

  test('a long build log keeps its end', () => {
    expect(logTail('x'.repeat(10) + 'END', 5)).toBe('…xxEND')
    expect(logTail('short')).toBe('short')
  })
})

describe('rollback', () => {
  const kept = ['20261125T100000Z-aaaa', '20261125T110000Z-bbbb', '20261125T120000Z-cccc']

  test('by default it goes to the newest kept build older than the live one', () => {
    expect(rollbackTarget(kept, kept[2])).toBe(kept[1])
    expect(rollbackTarget(kept, kept[1])).toBe(kept[0])
  })

  test('it goes to a named kept build, and refuses one that is not kept or when nothing is older', () => {
    expect(rollbackTarget(kept, kept[0], kept[2])).toBe(kept[2])
    expect(() => rollbackTarget(kept, kept[2], 'gone')).toThrow('No kept build "gone"')
    expect(() => rollbackTarget(kept, kept[0])).toThrow('No build older than the live one')
  })
})
