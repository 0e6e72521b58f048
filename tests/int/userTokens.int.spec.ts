import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'

import { publicJwk } from '../../mpp/contract/demoKeys'
import { signingKey } from '../../mpp/sandbox/keys'
import { startSandbox, type RunningSandbox } from '../../mpp/sandbox/server'
import { issueToken } from '../../mpp/sandbox/tokens'
import { openSeededCms, releaseTestDatabase, useTestDatabase } from '../helpers/database'
import { callRest } from '../helpers/restRoute'

vi.mock('@payload-config', async () => ({ default: (await import('../../cms/payload.config')).default }))

const database = useTestDatabase('user-tokens')
let payload: Payload
let sandbox: RunningSandbox
/** lumopay's own signing key, as a real MPP keeps it; its public half goes into lumopay's JWKS beside the demo key. */
let lumopayKey: CryptoKey
const lumopayKid = 'lumopay-2026-12'

beforeAll(async () => {
  sandbox = await startSandbox(0)
  process.env.MPP_SANDBOX_ORIGIN = sandbox.url
  payload = await openSeededCms({ demoUsers: false })
  const pair = await generateKeyPair('ES256', { extractable: true })
  lumopayKey = pair.privateKey
  const own = { ...(await exportJWK(pair.publicKey)), kid: lumopayKid, alg: 'ES256', use: 'sig' }
  await payload.update({
    collection: 'tenants',
    where: { slug: { equals: 'lumopay' } },
    data: { jwks: { keys: [publicJwk('lumopay'), own] } },
    context: { seeding: true },
  })
})

afterEach(() => {
  vi.unstubAllEnvs()
})

afterAll(async () => {
  await sandbox?.close()
  await releaseTestDatabase(database, payload)
})

/** A deployed Center: NODE_ENV=production and no sandbox flag. */
function productionMode() {
  vi.stubEnv('NODE_ENV', 'production')
  vi.stubEnv('CENTER_SANDBOX', '')
}

/** GET /api/rewards/mine as the rewards page calls it, over the CMS's REST route. */
const myRewards = (tenant: string, token: string) =>
  callRest('GET', `/api/rewards/mine?tenant=${tenant}`, { headers: { authorization: `Bearer ${token}` } })

/** A token signed with lumopay's own key, as its app would hand one over. */
const ownToken = (user: string) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: lumopayKid })
    .setIssuer('lumopay')
    .setSubject(user)
    .setAudience('center')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(lumopayKey)

describe('user tokens in production mode', () => {
  test('a token signed with the sandbox demo key is refused with 401 saying why, though the JWKS still lists that key', async () => {
    productionMode()
    const answer = await myRewards('lumopay', await issueToken('lumopay', 'new-attacker'))
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 401, code: 'sandbox-token' })
    expect(answer.body.detail).toMatch(/sandbox MPP's demo key/)
    expect(answer.body.detail).toMatch(/CENTER_SANDBOX=1/)
  })

  test('a demo-key token without a kid, at an MPP whose JWKS holds only the demo key, is refused too', async () => {
    productionMode()
    const now = Math.floor(Date.now() / 1000)
    const noKid = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer('nakhla')
      .setSubject('new-attacker')
      .setAudience('center')
      .setExpirationTime(now + 600)
      .sign(await signingKey('nakhla'))
    const answer = await myRewards('nakhla', noKid)
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 401, code: 'sandbox-token' })
  })

  test('at an MPP whose JWKS holds only the demo key, any other token is refused, saying the MPP needs its own keys', async () => {
    productionMode()
    const stranger = (await generateKeyPair('ES256')).privateKey
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'stranger' })
      .setIssuer('nakhla')
      .setSubject('u1')
      .setAudience('center')
      .setExpirationTime('5m')
      .sign(stranger)
    const answer = await myRewards('nakhla', token)
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 401, code: 'invalid-token' })
    expect(answer.body.detail).toMatch(/only the sandbox's demo keys/)
  })

  test("a token signed with the MPP's own key from its JWKS is accepted", async () => {
    productionMode()
    const answer = await myRewards('lumopay', await ownToken('new-wallet-user'))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ tenant: 'lumopay', user: 'new-wallet-user' })
  })
})

describe('user tokens with the sandbox on', () => {
  test('a token signed with the sandbox demo key is accepted', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('CENTER_SANDBOX', '1')
    const answer = await myRewards('nakhla', await issueToken('nakhla', 'new-demo-user'))
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ tenant: 'nakhla', user: 'new-demo-user' })
  })
})
