import { compactVerify, errors, importJWK, jwtVerify, type JWTVerifyGetKey } from 'jose'

import { publicJwk } from './demoKeys'

/** Tokens live at most this long: a user's session in the Center is short by design. */
export const maxTokenSeconds = 15 * 60
export const audience = 'center'

export class TokenError extends Error {
  /** `expired` when the user only needs a fresh token from the app; `invalid` for anything else. */
  constructor(
    message: string,
    readonly reason: 'expired' | 'invalid' = 'invalid',
  ) {
    super(message)
  }
}

/**
 * The user a token names, if the tenant signed it (with a key `keys` finds: the tenant's JWKS in
 * the Center, or the sandbox's own key in the sandbox) for the Center and it is still short-lived;
 * otherwise a TokenError saying why. No default keys: the caller says whose keys it trusts.
 */
export async function verifyToken(tenant: string, token: string, keys: JWTVerifyGetKey): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: tenant,
      audience,
      algorithms: ['ES256'],
      requiredClaims: ['sub', 'exp'],
    })
    if (payload.exp! > Math.floor(Date.now() / 1000) + maxTokenSeconds + 5) {
      throw new TokenError('the token expires more than 15 minutes ahead')
    }
    return payload.sub!
  } catch (error) {
    if (error instanceof TokenError) throw error
    if (error instanceof errors.JWTExpired) throw new TokenError('the token has expired', 'expired')
    if (error instanceof errors.JWTClaimValidationFailed)
      throw new TokenError(`the token's "${error.claim}" claim is not for this tenant or audience`)
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
      throw new TokenError('the token was not signed by this tenant')
    throw new TokenError('the token is malformed')
  }
}

/** Whether the sandbox's demo key for a tenant signed a token, whatever its claims: to say why such a token is refused. */
export async function signedBySandbox(tenant: string, token: string): Promise<boolean> {
  try {
    await compactVerify(token, await importJWK(publicJwk(tenant), 'ES256'))
    return true
  } catch (error) {
    if (error instanceof errors.JOSEError) return false
    throw error
  }
}
