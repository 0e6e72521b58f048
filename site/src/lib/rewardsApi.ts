/**
 * The rewards island's client for the Center API (Payload endpoints under /api/rewards). Every
 * answer is parsed: a Center that is down, slow or answers garbage becomes a RewardsError with a
 * reason the page can explain, never a crash.
 */
import { z } from 'zod/mini'

import { callJson, type JsonCall } from '../../../mpp/contract/callJson'
import { amountSchema } from '../../../mpp/contract/schema'

export const voucherSchema = z.object({
  code: z.string(),
  campaign: z.string(),
  merchant: z.string(),
  amount: amountSchema,
  claimedAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['active', 'expired']),
})
export type Voucher = z.infer<typeof voucherSchema>

export const tutorialSchema = z.object({ campaign: z.string(), done: z.int(), parts: z.int(), completed: z.boolean() })
export type TutorialProgress = z.infer<typeof tutorialSchema>

const mineSchema = z.object({ newUser: z.nullable(z.boolean()), tutorials: z.array(tutorialSchema), vouchers: z.array(voucherSchema) })
export type MyRewards = z.infer<typeof mineSchema>

const liveSchema = z.object({ campaigns: z.array(z.object({ campaign: z.string(), remaining: z.int() })) })
const refusalSchema = z.object({ error: z.string(), message: z.optional(z.string()), voucher: z.optional(voucherSchema) })

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
      const refusal = refusalSchema.safeParse(data)
      if (!refusal.success) throw new RewardsError('unavailable', `HTTP ${response.status}`)
      throw new RewardsError(
        refusalKind(response.status, refusal.data.error),
        refusal.data.message ?? refusal.data.error,
        refusal.data.voucher,
      )
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
    mine: (): Promise<MyRewards> => call('/rewards/mine', (data) => mineSchema.parse(data)),
    /** How many vouchers each running campaign has left, by campaign slug. */
    remaining: async (): Promise<Map<string, number>> =>
      new Map(
        (await call('/rewards', (data) => liveSchema.parse(data))).campaigns.map(({ campaign: slug, remaining }) => [slug, remaining]),
      ),
    /** Records that the user finished part `step` (from 1) of a campaign's tutorial. */
    progress: (slug: string, step: number): Promise<TutorialProgress> =>
      call(`${campaign(slug)}/progress`, (data) => tutorialSchema.parse(data), { method: 'POST', body: { step } }),
    /** Claims a campaign's voucher once per key: send the same key when retrying the same claim. */
    claim: async (slug: string, idempotencyKey: string): Promise<Voucher> =>
      (
        await call(`${campaign(slug)}/claim`, (data) => z.object({ voucher: voucherSchema }).parse(data), {
          method: 'POST',
          idempotencyKey,
        })
      ).voucher,
  }
}

export type RewardsClient = ReturnType<typeof createRewardsClient>
