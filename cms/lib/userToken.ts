import { createLocalJWKSet, decodeJwt, type JSONWebKeySet, type JWK } from 'jose'
import type { PayloadRequest } from 'payload'

import { isSandboxKey } from '../../mpp/contract/demoKeys'
import { signedBySandbox, TokenError, verifyToken } from '../../mpp/contract/tokens'
import type { Tenant } from '../payload-types'
import { refuse } from './requests'
import { findTenant } from './tenants'

/** A wallet user the Center API has identified: their MPP (the token's issuer) and their id there. */
export type WalletUser = { tenant: Tenant; user: string; token: string }

/** The bearer token of a request, or undefined. */
export const bearerToken = (headers: Headers): string | undefined => /^Bearer ([\w.-]+)$/.exec(headers.get('authorization') ?? '')?.[1]

/** The issuer a token claims, read before its signature is checked, so the right MPP's keys can check it. */
export function claimedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token)
    return typeof iss === 'string' && iss ? iss : undefined
  } catch {
    return undefined // not a JWT at all: the caller refuses it
  }
}

/** How long a tenant read for token checks is reused: a new key set (JWKS) applies within this time. */
const tenantTtlMs = 10_000
const tenants = new Map<string, { tenant: Promise<Tenant | undefined>; until: number }>()

/** A tenant by slug, read at most every few seconds: every call of a user's session checks its token against it. */
function tenantBySlug(req: PayloadRequest, slug: string): Promise<Tenant | undefined> {
  const cached = tenants.get(slug)
  if (cached && cached.until > Date.now()) return cached.tenant
  const tenant = findTenant(req.payload, slug)
  tenants.set(slug, { tenant, until: Date.now() + tenantTtlMs })
  tenant.catch(() => tenants.delete(slug))
  return tenant
}

/**
 * Whether the sandbox MPP's demo keys count as an MPP's keys here: only where the sandbox is
 * explicitly on (CENTER_SANDBOX=1, which `npm start` and the tests set), never by default.
 */
export const sandboxOn = (env: NodeJS.ProcessEnv = process.env): boolean => env.CENTER_SANDBOX === '1'

/** The keys of a tenant's JWKS that may sign its users' tokens here: the sandbox's demo keys only when the sandbox is on. */
export function trustedKeys(tenant: Pick<Tenant, 'slug' | 'jwks'>, env: NodeJS.ProcessEnv = process.env): JWK[] {
  const keys = (tenant.jwks as JSONWebKeySet | null | undefined)?.keys ?? []
  return sandboxOn(env) ? keys : keys.filter((key) => !isSandboxKey(key, tenant.slug))
}

/** The refusal of a token that the sandbox's demo key signed, where the sandbox is off. */
const sandboxTokenRefusal = (tenant: Tenant) =>
  refuse(
    401,
    'sandbox-token',
    `This token is signed with the sandbox MPP's demo key for ${tenant.slug}, which anyone can make. The Center accepts such tokens only when the sandbox is on (CENTER_SANDBOX=1, as \`npm start\` sets); otherwise ${tenant.name} signs tokens with its own key, whose public half is in its JWKS.`,
  )

/**
 * The wallet user a request's token names, checked against the issuing MPP's public keys (its
 * JWKS in the CMS, less the sandbox's demo keys unless the sandbox is on): signed by that MPP, for
 * the Center, not expired. `expectedTenant` (the page's MPP) refuses another MPP's token. Answers
 * a 401 Response to send back when any of it fails.
 */
export async function walletUser(req: PayloadRequest, expectedTenant?: string | null): Promise<WalletUser | Response> {
  const token = bearerToken(req.headers)
  if (!token) return refuse(401, 'missing-token', 'Send the user token from the MPP app as "Authorization: Bearer <token>".')
  const issuer = claimedIssuer(token)
  if (!issuer) return refuse(401, 'invalid-token', 'The token is malformed.')
  if (expectedTenant && issuer !== expectedTenant)
    return refuse(401, 'wrong-tenant', `This token was issued by another MPP, not ${expectedTenant}. Open the page again from the app.`)
  const tenant = await tenantBySlug(req, issuer)
  if (!tenant) return refuse(401, 'invalid-token', 'The token was not issued by an MPP of this Center.')
  const keys = trustedKeys(tenant)
  if (!keys.length) {
    if (!sandboxOn() && (await signedBySandbox(tenant.slug, token))) return sandboxTokenRefusal(tenant)
    const onlyDemoKeys = Boolean((tenant.jwks as JSONWebKeySet | null | undefined)?.keys?.length)
    return refuse(
      401,
      'invalid-token',
      onlyDemoKeys
        ? `${tenant.name}'s public keys (JWKS) in the Center are only the sandbox's demo keys, which count only when the sandbox is on (CENTER_SANDBOX=1). Add the MPP's own public keys.`
        : `${tenant.name} has no public keys for user tokens set up in the Center.`,
    )
  }
  try {
    return { tenant, user: await verifyToken(tenant.slug, token, createLocalJWKSet({ keys })), token }
  } catch (error) {
    if (!(error instanceof TokenError)) throw error
    if (error.reason === 'expired')
      return refuse(401, 'token-expired', 'Your session has ended: the token has expired. Open the page again from the app.')
    if (!sandboxOn() && (await signedBySandbox(tenant.slug, token))) return sandboxTokenRefusal(tenant)
    return refuse(401, 'invalid-token', `The token was refused: ${error.message}.`)
  }
}
