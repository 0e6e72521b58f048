/**
 * The one error shape of the Center API and the sandbox MPP: RFC 9457 problem details
 * (`application/problem+json`). Every problem has a stable machine `code`, a `type` URI made from
 * it (one per code, under problemTypeBase), the code's fixed `title`, the HTTP `status` and a
 * `detail` sentence about this occurrence; some add extension members (a claim refused because the
 * user already holds the voucher carries that `voucher`). zod/mini keeps the schema small enough
 * for the islands, which parse refusals with it.
 */
import { z } from './zod'

/** The media type of every error answer (RFC 9457). */
export const problemContentType = 'application/problem+json'

/**
 * The base of every problem `type`: a name, not a page (RFC 9457 allows a type that does not
 * resolve); the codes and their meanings are listed in docs/center-api.yaml and below.
 */
export const problemTypeBase = 'https://center.example/problems/'

/** Every problem code, with its title: the same for every occurrence (the `detail` says what happened this time). */
export const problemTitles = {
  // Requests the API cannot read
  'bad-path': 'Invalid path',
  'path-too-long': 'Path segment too long',
  'unsupported-media-type': 'Unsupported media type',
  'too-large': 'Request body too large',
  malformed: 'Malformed request',
  'invalid-parameter': 'Invalid parameter',
  'not-found': 'Not found',
  'no-versions': 'No versions',
  'rate-limited': 'Too many requests',
  'internal-error': 'Internal error',
  // Who is calling
  'sign-in': 'Sign-in required',
  forbidden: 'Forbidden',
  'missing-token': 'Missing bearer token',
  'invalid-token': 'Invalid token',
  'token-expired': 'Token expired',
  'wrong-tenant': "Another MPP's token",
  'sandbox-token': 'Sandbox token refused',
  // Signed webhooks (Standard Webhooks)
  'missing-headers': 'Missing webhook headers',
  'malformed-timestamp': 'Malformed webhook timestamp',
  'no-secret': 'No webhook secret',
  expired: 'Webhook timestamp outside the tolerance',
  'bad-signature': 'Bad webhook signature',
  replayed: 'Webhook replayed',
  // Idempotent actions
  'missing-idempotency-key': 'Missing Idempotency-Key',
  'idempotency-key-reused': 'Idempotency-Key reused',
  // Rewards
  'rewards-off': 'No rewards',
  'campaign-not-found': 'Campaign not found',
  'campaign-ended': 'Campaign ended',
  'campaign-not-started': 'Campaign not started',
  'invalid-step': 'Invalid tutorial step',
  'step-skipped': 'Tutorial step skipped',
  'tutorial-unfinished': 'Tutorial unfinished',
  'already-claimed': 'Already claimed',
  'not-eligible': 'Not eligible',
  'sold-out': 'Sold out',
  'mpp-timeout': 'MPP API timed out',
  'mpp-unavailable': 'MPP API unavailable',
  'mpp-invalid-response': 'MPP API answer unreadable',
  // Feedback and Q&A drafts
  'empty-query': 'Empty question',
  'unknown-tenant': 'Unknown MPP',
  'unknown-locale': 'Unknown locale',
  'unknown-qa': 'Unknown Q&A',
  'no-category': 'No Q&A category',
  // The sandbox MPP's agreements
  'invalid-cancellation': 'Invalid cancellation',
  'cancel-with-merchant': 'Cancel with the merchant',
  'not-active': 'Not active',
  'terms-not-accepted': 'Terms not accepted',
  'not-pending': 'Not pending',
  'invalid-fault': 'Invalid fault',
} as const

export type ProblemCode = keyof typeof problemTitles
export const problemCodes = Object.keys(problemTitles) as ProblemCode[]

/** The `type` URI of a problem code. */
export const problemType = (code: ProblemCode): string => `${problemTypeBase}${code}`

/** A problem body: the five members every problem has; extension members are allowed (loose). */
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  code: z.string(),
})
export type Problem = z.infer<typeof problemSchema>

/** Builds a problem body for a code, its `detail` and any extension members (which never replace the five). */
export function problem<E extends Record<string, unknown>>(status: number, code: ProblemCode, detail: string, extensions?: E): Problem & E {
  return { ...(extensions as E), type: problemType(code), title: problemTitles[code], status, detail, code }
}
