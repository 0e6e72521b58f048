import { SignJWT } from 'jose'

import { audience, maxTokenSeconds, verifyToken } from '../contract/tokens'
import { signingKey, verifyingKey } from './keys'

/** A demo user token for one tenant, as the MPP app would hand it to the Center. */
export async function issueToken(tenant: string, user: string, seconds = maxTokenSeconds): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: `sandbox-${tenant}` })
    .setIssuer(tenant)
    .setSubject(user)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
    .sign(await signingKey(tenant))
}

/** The user a token names, checked against the sandbox's own demo key for the tenant: for the sandbox MPP only. */
export const verifySandboxToken = (tenant: string, token: string): Promise<string> => verifyToken(tenant, token, () => verifyingKey(tenant))
