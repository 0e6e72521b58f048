import { randomInt } from 'node:crypto'

import type { Voucher as VoucherView } from '../../content/centerApi'
import type { Voucher } from '../payload-types'

export { campaignPhase, tutorialParts } from '../../content/campaigns'

const dayMs = 24 * 3600_000

/** An Idempotency-Key as the MPP API takes them too: 8 to 128 visible characters. */
export const validIdempotencyKey = (key: string | null): key is string => typeof key === 'string' && /^[\x21-\x7e]{8,128}$/.test(key)

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A voucher code a user can read out at a till: the MPP's first letters and 8 random characters, e.g. "LUMO-7KQM-X4PA". */
export function voucherCode(tenantSlug: string): string {
  const pick = () => Array.from({ length: 4 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('')
  return `${tenantSlug
    .replace(/[^a-z]/gi, '')
    .slice(0, 4)
    .toUpperCase()}-${pick()}-${pick()}`
}

/** When a voucher claimed at a moment stops being valid: `validityDays` later. */
export const voucherExpiry = (claimedAt: Date, validityDays: number): Date => new Date(claimedAt.getTime() + validityDays * dayMs)

/** The user's view of a voucher row: `campaign` is the campaign's slug, and the status follows the clock. */
export function voucherView(
  voucher: Pick<Voucher, 'code' | 'merchant' | 'currency' | 'value' | 'claimedAt' | 'expiresAt'>,
  campaignSlug: string,
  now: Date,
): VoucherView {
  return {
    code: voucher.code,
    campaign: campaignSlug,
    merchant: voucher.merchant,
    amount: { currency: voucher.currency, value: voucher.value },
    claimedAt: voucher.claimedAt,
    expiresAt: voucher.expiresAt,
    status: now < new Date(voucher.expiresAt) ? 'active' : 'expired',
  }
}

/** The parts of a tutorial done after a user reports part `step` (from 1) of `total`, with `done` before: the new count, or why the report is refused. */
export function advanceTutorial(done: number, step: unknown, total: number): number | 'invalid' | 'skipped' {
  if (typeof step !== 'number' || !Number.isInteger(step) || step < 1 || step > total) return 'invalid'
  if (step > done + 1) return 'skipped'
  return Math.max(done, step)
}
