import { createECDH, createHash } from 'node:crypto'
import type { JWK } from 'jose'

/**
 * The sandbox MPP's demo keys are part of the contract in one way: every verifier must be able to
 * recognise them, so that it refuses them wherever the sandbox is not on.
 *
 * The sandbox's ES256 signing key for one tenant, derived from the tenant's slug so that
 * tokens and published keys survive restarts. Demo only: anyone can derive it.
 */
export function sandboxJwk(tenant: string): JWK {
  const d = createHash('sha256').update(`center-sandbox-mpp:${tenant}`).digest()
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(d)
  const point = ecdh.getPublicKey() // 0x04 || x || y
  return {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 33).toString('base64url'),
    y: point.subarray(33, 65).toString('base64url'),
    d: d.toString('base64url'),
    alg: 'ES256',
    use: 'sig',
    kid: `sandbox-${tenant}`,
  }
}

const publicJwks = new Map<string, JWK>()

/** The public half, as published in the tenant's JWKS; kept per tenant, since every token check compares against it. */
export function publicJwk(tenant: string): JWK {
  let pub = publicJwks.get(tenant)
  if (!pub) {
    const { d: _private, ...rest } = sandboxJwk(tenant)
    pub = rest
    publicJwks.set(tenant, pub)
  }
  return { ...pub }
}

/**
 * Whether a public key is one of the sandbox's demo keys (its kid, or this tenant's derived key
 * under any kid). Such a key proves nothing about who signed a token: anyone can derive its private half.
 */
export function isSandboxKey(key: JWK, tenant: string): boolean {
  const sandbox = publicJwk(tenant)
  return Boolean(key.kid?.startsWith('sandbox-')) || (key.x === sandbox.x && key.y === sandbox.y)
}
