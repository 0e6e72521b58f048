import { APIError, type CollectionAfterLoginHook, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'
import type { RateLimiterRes } from 'rate-limiter-flexible'

import { clientAddress, overLimit, retryAfterSeconds, sharedLimiter } from './requests'

/** Sign-ins one client may try for one account in 15 minutes: a person mistyping, not a guesser. */
export const accountClientLimit = { name: 'sign-in-account-client', points: 10, seconds: 15 * 60 }
/** Sign-ins all clients together may try for one account in 15 minutes: guessing spread over many addresses stops too. */
export const accountLimit = { name: 'sign-in-account', points: 100, seconds: 15 * 60 }

const byAccountAndClient = sharedLimiter(accountClientLimit)
const byAccount = sharedLimiter(accountLimit)

/** The account a sign-in names, as Payload looks it up (lower case, trimmed); null when there is none to count. */
const accountOf = (email: unknown): string | null => (typeof email === 'string' && email.trim() ? email.toLowerCase().trim() : null)

/** A refused sign-in: 429 with Retry-After, the same whether or not the account exists. */
export class SignInLimited extends APIError {
  constructor(req: PayloadRequest, rejection: RateLimiterRes) {
    const retryAfter = retryAfterSeconds(rejection)
    super(`Too many sign-in attempts; try again in ${retryAfter} s.`, 429, null, true)
    req.responseHeaders = new Headers({ 'Retry-After': String(retryAfter) })
  }
}

/**
 * Counts every sign-in over HTTP (REST and GraphQL) against its account and client before Payload
 * checks the password, and refuses it with 429 over either limit. Unknown accounts are counted
 * alike, so the answer says nothing about which accounts exist; a stranger's failures hold back
 * only their own address, unless they come from many addresses at once.
 */
export const limitSignInAttempts: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' || req.payloadAPI === 'local') return args
  const account = accountOf((args as { data?: { email?: unknown } }).data?.email)
  if (!account) return args
  const pair = `${account} ${clientAddress(req.headers)}`
  const rejection = (await overLimit(byAccountAndClient(req.payload), pair)) ?? (await overLimit(byAccount(req.payload), account))
  if (rejection) throw new SignInLimited(req, rejection)
  return args
}

/** A successful sign-in does not count: its client starts afresh and the account gets its point back. */
export const forgiveSignIn: CollectionAfterLoginHook = async ({ req, user }) => {
  const account = accountOf(user.email)
  if (!account || req.payloadAPI === 'local') return user
  await byAccountAndClient(req.payload).delete(`${account} ${clientAddress(req.headers)}`)
  await byAccount(req.payload).reward(account, 1)
  return user
}
