/**
 * The typed MPP API client that the islands use. Every answer is parsed against the contract's
 * schemas: an MPP that times out or answers garbage becomes an MppError with a reason, never a crash.
 */
import { callJson, type JsonCall } from './callJson'
import {
  agreementListSchema,
  agreementSchema,
  authorizationSchema,
  billPageSchema,
  billSchema,
  cancellationCheckSchema,
  eligibilitySchema,
  problemSchema,
  type Agreement,
  type AgreementList,
  type Authorization,
  type Bill,
  type BillPage,
  type BillStatus,
  type CancellationCheck,
  type CancellationRefusal,
  type CancelReason,
  type Eligibility,
} from './schema'

/** Why a call failed, in the terms the user is told: each kind has its own message. */
export type MppErrorKind = 'unauthorized' | 'not-found' | 'refused' | 'timeout' | 'unavailable' | 'invalid-response'

export class MppError extends Error {
  constructor(
    readonly kind: MppErrorKind,
    message: string,
    readonly merchantUrl?: string,
    /** With a refused cancellation: the MPP's reason code, which the Center words itself. */
    readonly refusal?: CancellationRefusal,
  ) {
    super(message)
  }
}

/**
 * `locale` is the user's (the page's) locale, sent with every call as Accept-Language: the MPP
 * answers its free texts in the best locale it has, or its default, and says which in Content-Language.
 */
export type MppClientOptions = { baseUrl: string; token: string; locale: string; timeoutMs?: number; fetch?: typeof fetch }

export type BillFilters = { status?: readonly BillStatus[]; from?: string; to?: string; merchant?: string }

/** The error kind an HTTP status means for the user. */
export function kindOfStatus(status: number): MppErrorKind {
  if (status === 401) return 'unauthorized'
  if (status === 404) return 'not-found'
  if (status === 409) return 'refused'
  return 'unavailable'
}

export function createMppClient({ baseUrl, token, locale, timeoutMs = 10_000, fetch: fetchImpl = fetch }: MppClientOptions) {
  async function call<T>(path: string, parse: (data: unknown) => T, init: JsonCall = {}): Promise<T> {
    const { response, data } = await callJson(`${baseUrl.replace(/\/$/, '')}${path}`, token, init, {
      timeoutMs,
      fetch: fetchImpl,
      service: 'The wallet service',
      locale,
      fail: (kind, message) => new MppError(kind, message),
    })
    if (!response.ok) {
      const problem = problemSchema.safeParse(data)
      const reason = problem.success ? (problem.data.detail ?? problem.data.title) : `HTTP ${response.status}`
      throw new MppError(
        kindOfStatus(response.status),
        reason,
        problem.success ? problem.data.merchantUrl : undefined,
        problem.success ? problem.data.refusal : undefined,
      )
    }
    try {
      return parse(data)
    } catch (error) {
      throw new MppError('invalid-response', `The wallet service answered with data the Center cannot read: ${String(error)}`)
    }
  }

  const id = (value: string) => encodeURIComponent(value)

  return {
    /** One page of the user's bills, newest first. */
    listBills(options: BillFilters & { cursor?: string | null; limit?: number } = {}): Promise<BillPage> {
      const query = new URLSearchParams()
      if (options.status?.length) query.set('status', options.status.join(','))
      for (const name of ['from', 'to', 'merchant', 'cursor'] as const) {
        const value = options[name]
        if (value) query.set(name, value)
      }
      if (options.limit) query.set('limit', String(options.limit))
      const suffix = query.size ? `?${query}` : ''
      return call(`/v1/bills${suffix}`, (data) => billPageSchema.parse(data))
    },
    /** One bill in full. */
    getBill: (billId: string): Promise<Bill> => call(`/v1/bills/${id(billId)}`, (data) => billSchema.parse(data)),
    /** Every agreement of the user. */
    listAgreements: (): Promise<AgreementList> => call('/v1/agreements', (data) => agreementListSchema.parse(data)),
    /** Whether the user may cancel here, or must go to the merchant. */
    checkCancellation: (agreementId: string): Promise<CancellationCheck> =>
      call(`/v1/agreements/${id(agreementId)}/cancellation-check`, (data) => cancellationCheckSchema.parse(data)),
    /** Cancels once per key: send the same key when repeating the same user action. */
    cancelAgreement: (
      agreementId: string,
      survey: { reason: CancelReason; comment?: string },
      idempotencyKey: string,
    ): Promise<Agreement> =>
      call(`/v1/agreements/${id(agreementId)}/cancellation`, (data) => agreementSchema.parse(data), {
        method: 'POST',
        body: survey,
        idempotencyKey,
      }),
    /** What the authorization step shows for a pending agreement. */
    getAuthorization: (agreementId: string): Promise<Authorization> =>
      call(`/v1/agreements/${id(agreementId)}/authorization`, (data) => authorizationSchema.parse(data)),
    /** Whether the user is new to cross-border payments with this MPP: new-user rewards ask it before giving a voucher. */
    getEligibility: (): Promise<Eligibility> => call('/v1/rewards/eligibility', (data) => eligibilitySchema.parse(data)),
    /** Enables a pending agreement once the user accepted the terms. */
    authorizeAgreement: (agreementId: string, idempotencyKey: string): Promise<Agreement> =>
      call(`/v1/agreements/${id(agreementId)}/authorization`, (data) => agreementSchema.parse(data), {
        method: 'POST',
        body: { acceptTerms: true },
        idempotencyKey,
      }),
  }
}

export type MppClient = ReturnType<typeof createMppClient>
