import { ValidationError, type Payload, type Where } from 'payload'

import { claimOutcomes, type ClaimOutcome } from '../collections/RewardClaims'
import type { Campaign, Voucher } from '../payload-types'
import { voucherCode, voucherExpiry } from './rewards'

type Id = number | string
const idOf = (value: Id | { id: Id } | null | undefined): Id | undefined =>
  typeof value === 'object' && value !== null ? value.id : (value ?? undefined)

/** The published campaign a slug names at one tenant, or undefined (a draft, another tenant's, or none). */
export async function publishedCampaign(payload: Payload, tenant: Id, slug: string): Promise<Campaign | undefined> {
  const { docs } = await payload.find({
    collection: 'campaigns',
    where: { and: [{ tenant: { equals: tenant } }, { slug: { equals: slug } }, { _status: { equals: 'published' } }] },
    limit: 1,
    depth: 0,
    pagination: false,
  })
  return docs[0]
}

/** The voucher a user holds from a campaign, or undefined. */
export async function heldVoucher(payload: Payload, campaign: Id, user: string): Promise<Voucher | undefined> {
  const { docs } = await payload.find({
    collection: 'vouchers',
    where: { and: [{ campaign: { equals: campaign } }, { user: { equals: user } }] },
    limit: 1,
    depth: 0,
    pagination: false,
  })
  return docs[0]
}

/** How many vouchers a campaign has given out. */
export const issuedCount = async (payload: Payload, campaign: Id): Promise<number> =>
  (await payload.count({ collection: 'vouchers', where: { campaign: { equals: campaign } } })).totalDocs

export type Allocation = { kind: 'issued' | 'already-claimed'; voucher: Voucher } | { kind: 'sold-out' }

/**
 * Gives a user a campaign's next voucher, if the budget has one left and they hold none yet. The
 * database decides races, on any node: a racing insert of the same user, or of the same serial
 * (the budget's next place), fails on a unique index, and this looks again. A serial is never
 * above the budget, so the budget cannot be overspent.
 */
export async function allocateVoucher(
  payload: Payload,
  campaign: Campaign,
  user: string,
  tenantSlug: string,
  now = new Date(),
): Promise<Allocation> {
  let skipped = 0
  let lastCount = -1
  for (let attempt = 1; ; attempt++) {
    const held = await heldVoucher(payload, campaign.id, user)
    if (held) return { kind: 'already-claimed', voucher: held }
    const count = await issuedCount(payload, campaign.id)
    // A conflict with no new row since (a gap left by a row removed by hand) moves past the taken serial.
    skipped = count === lastCount ? skipped + 1 : 0
    lastCount = count
    const serial = count + 1 + skipped
    if (serial > campaign.budget) return { kind: 'sold-out' }
    try {
      const voucher = await payload.create({
        collection: 'vouchers',
        depth: 0,
        // One INSERT, made safe by the unique indexes, needs no transaction: on SQLite each
        // transaction opens a fresh libsql connection that parses the schema again (a bench run
        // went from 58 to 74 claims/s and p50 2.7 to 1.4 s without it).
        disableTransaction: true,
        data: {
          tenant: idOf(campaign.tenant) as number,
          campaign: campaign.id,
          user,
          serial,
          code: voucherCode(tenantSlug),
          merchant: campaign.voucher.merchant,
          currency: campaign.voucher.currency,
          value: campaign.voucher.value,
          claimedAt: now.toISOString(),
          expiresAt: voucherExpiry(now, campaign.voucher.validityDays).toISOString(),
        },
      })
      return { kind: 'issued', voucher }
    } catch (error) {
      if (!(error instanceof ValidationError) || attempt >= 1000) throw error
    }
  }
}

/** How many parts of a campaign's tutorial a user has done, in order. */
export async function tutorialDone(payload: Payload, campaign: Id, user: string): Promise<number> {
  const { docs } = await payload.find({
    collection: 'tutorial-progress',
    where: { and: [{ campaign: { equals: campaign } }, { user: { equals: user } }] },
    limit: 1,
    depth: 0,
    pagination: false,
  })
  return docs[0]?.stepsDone ?? 0
}

/** Every campaign's tutorial progress of a user, by campaign id. */
export async function tutorialsDone(payload: Payload, campaigns: Id[], user: string): Promise<Map<string, number>> {
  const { docs } = await payload.find({
    collection: 'tutorial-progress',
    where: { and: [{ campaign: { in: campaigns } }, { user: { equals: user } }] },
    depth: 0,
    pagination: false,
  })
  return new Map(docs.map((row) => [String(idOf(row.campaign)), row.stepsDone]))
}

/** Raises a user's tutorial progress to `steps` (never lowers it); answers what is recorded now. */
export async function recordTutorial(payload: Payload, campaign: Id, user: string, steps: number): Promise<number> {
  const where: Where = { and: [{ campaign: { equals: campaign } }, { user: { equals: user } }] }
  for (;;) {
    const { docs } = await payload.find({ collection: 'tutorial-progress', where, limit: 1, depth: 0, pagination: false })
    const row = docs[0]
    if (row && row.stepsDone >= steps) return row.stepsDone
    try {
      if (row) await payload.update({ collection: 'tutorial-progress', id: row.id, depth: 0, data: { stepsDone: steps } })
      else
        await payload.create({ collection: 'tutorial-progress', depth: 0, data: { campaign: campaign as number, user, stepsDone: steps } })
      return steps
    } catch (error) {
      // Two first steps at once: the unique index lets one row in, and this looks again.
      if (!(error instanceof ValidationError)) throw error
    }
  }
}

/** A claim's answer as sent: HTTP status and JSON body. */
export type ClaimAnswer = { status: number; body: Record<string, unknown> }
type StoredClaim = ClaimAnswer & { campaign: Id }

/** The answer already given to a claim key (MPP, user, Idempotency-Key), or undefined. */
export async function storedClaim(payload: Payload, key: string): Promise<StoredClaim | undefined> {
  const { docs } = await payload.find({
    collection: 'reward-claims',
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    pagination: false,
  })
  const row = docs[0]
  return row && { campaign: idOf(row.campaign)!, status: row.status, body: row.answer as Record<string, unknown> }
}

/**
 * Records a claim's answer under its key and answers it; when the same key was recorded at the
 * same moment (another node), answers that one instead, so both callers get one answer.
 */
export async function recordClaim(
  payload: Payload,
  claim: { key: string; campaign: Campaign; user: string; outcome: ClaimOutcome; voucher?: Id } & ClaimAnswer,
): Promise<ClaimAnswer> {
  try {
    await payload.create({
      collection: 'reward-claims',
      depth: 0,
      // One INSERT; the unique key decides a race (see allocateVoucher).
      disableTransaction: true,
      data: {
        key: claim.key,
        tenant: idOf(claim.campaign.tenant) as number,
        campaign: claim.campaign.id,
        user: claim.user,
        outcome: claim.outcome,
        voucher: claim.voucher as number | undefined,
        status: claim.status,
        answer: claim.body,
      },
    })
    return { status: claim.status, body: claim.body }
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error
    const stored = await storedClaim(payload, claim.key)
    if (!stored) throw error
    return stored
  }
}

export type CampaignStats = { budget: number; issued: number; remaining: number; refused: Record<Exclude<ClaimOutcome, 'issued'>, number> }

/** A campaign's vouchers given out, what is left of its budget, and its refused claims by reason. */
export async function campaignStats(payload: Payload, campaign: Pick<Campaign, 'id' | 'budget'>): Promise<CampaignStats> {
  const reasons = claimOutcomes.filter((outcome): outcome is Exclude<ClaimOutcome, 'issued'> => outcome !== 'issued')
  const [issued, ...refusals] = await Promise.all([
    issuedCount(payload, campaign.id),
    ...reasons.map(
      async (outcome) =>
        (
          await payload.count({
            collection: 'reward-claims',
            where: { and: [{ campaign: { equals: campaign.id } }, { outcome: { equals: outcome } }] },
          })
        ).totalDocs,
    ),
  ])
  return {
    budget: campaign.budget,
    issued: issued!,
    remaining: Math.max(0, campaign.budget - issued!),
    refused: Object.fromEntries(reasons.map((reason, i) => [reason, refusals[i]!])) as CampaignStats['refused'],
  }
}
