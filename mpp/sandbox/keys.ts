import { importJWK } from 'jose'

import { publicJwk, sandboxJwk } from '../contract/demoKeys'

/** The sandbox's key that signs a tenant's demo tokens. */
export const signingKey = (tenant: string) => importJWK(sandboxJwk(tenant), 'ES256')
/** The public half the sandbox checks its own tokens against. */
export const verifyingKey = (tenant: string) => importJWK(publicJwk(tenant), 'ES256')
