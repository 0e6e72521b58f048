/**
 * The rewards island's client for the Center API (Payload endpoints under /api/rewards). Every
 * answer is parsed: a Center that is down, slow or answers garbage becomes a RewardsError with a
 * reason the page can explain, never a crash.
 */
import {
  claimedSchema,
  claimRefusalSchema,
  liveRewardsSchema,
  myRewardsSchema,
  tutorialProgressSchema,
  type MyRewards,
  type TutorialProgress,
  type Voucher,
} from '../../../content/centerApi'
import { callJson, type JsonCall } from '../../../mpp/contract/callJson'

export type { MyRewards, TutorialProgress, Voucher }

/**
 * Why a call failed: a refusal's code from the Center (`sold-out`, `already-claimed`, …), or
 * `unauthorized`, `timeout`, `unavailable`, `invalid-response` when it could not answer.
 */
export class RewardsError extends Error {
  constructor(
    readonly kind: string,
    message: string,
    readonly voucher?: Voucher,
  ) {
    super(message)
  }
}

/** The error kind the island explains for a refusal code: token problems all mean "open the page again". */
export function refusalKind(status: number, code: string): string {
  if (status === 401) return 'unauthorized'
  if (code === 'mpp-timeout') return 'timeout'
  if (status >= 500 || status === 429) return 'unavailable'
  return code
}

/** `locale` is the page's, sent as Accept-Language (the Center passes it on to the MPP). */
export type RewardsClientOptions = {
  baseUrl: string
  tenant: string
  token: string
  locale: string
  timeoutMs?: number
  fetch?: typeof fetch
}

export function createRewardsClient({
  baseUrl,
  tenant,
  token,
  locale,
  timeoutMs = 15_000,
  fetch: fetchImpl = fetch,
}: RewardsClientOptions) {
  async function call<T>(path: string, parse: (data: unknown) => T, init: JsonCall = {}): Promise<T> {
    const url = `${baseUrl}${path}${path.includes('?') ? '&' : '?'}tenant=${encodeURIComponent(tenant)}`
    const { response, data } = await callJson(url, token, init, {
      timeoutMs,
      fetch: fetchImpl,
      service: 'The Center',
      locale,
      fail: (kind, message) => new RewardsError(kind, message),
    })
    if (!response.ok) {
      const refusal = claimRefusalSchema.safeParse(data)
      if (!refusal.success) throw new RewardsError('unavailable', `HTTP ${response.status}`)
      throw new RewardsError(refusalKind(response.status, refusal.data.code), refusal.data.detail, refusal.data.voucher)
    }
    try {
      return parse(data)
    } catch (error) {
      throw new RewardsError('invalid-response', `The Center answered with data the page cannot read: ${String(error)}`)
    }
  }

  const campaign = (slug: string) => `/rewards/${encodeURIComponent(slug)}`

  return {
    /** The user's vouchers, tutorial progress, and whether their MPP counts them as new. */
    mine: (): Promise<MyRewards> => call('/rewards/mine', (data) => myRewardsSchema.parse(data)),
    /** How many vouchers each running campaign has left, by campaign slug. */
    remaining: async (): Promise<Map<string, number>> =>
      new Map(
        (await call('/rewards', (data) => liveRewardsSchema.parse(data))).campaigns.map(({ campaign: slug, remaining }) => [
          slug,
          remaining,
        ]),
      ),
    /** Records that the user finished part `step` (from 1) of a campaign's tutorial. */
    progress: (slug: string, step: number): Promise<TutorialProgress> =>
      call(`${campaign(slug)}/progress`, (data) => tutorialProgressSchema.parse(data), { method: 'POST', body: { step } }),
    /** Claims a campaign's voucher once per key: send the same key when retrying the same claim. */
    claim: async (slug: string, idempotencyKey: string): Promise<Voucher> =>
      (
        await call(`${campaign(slug)}/claim`, (data) => claimedSchema.parse(data), {
          method: 'POST',
          idempotencyKey,
        })
      ).voucher,
  }
}

export type RewardsClient = ReturnType<typeof createRewardsClient>
