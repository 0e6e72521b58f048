import type { Endpoint, PayloadRequest } from 'payload'

import type { Claimed, ClaimRefusal } from '../../../content/centerApi'
import { problem, type Problem } from '../../../content/problem'
import type { ClaimOutcome } from '../../collections/RewardClaims'
import { oneAtATimePer } from '../../lib/oneAtATime'
import { problemResponse, refuse } from '../../lib/requests'
import type { WalletUser } from '../../lib/userToken'
import type { Campaign, Voucher } from '../../payload-types'
import { newToCrossBorder } from '../eligibility'
import { campaignPhase, tutorialParts, validIdempotencyKey, voucherView } from '../rewards'
import { rewardsCampaign } from '../rewardsRequest'
import { allocateVoucher, heldVoucher, recordClaim, storedClaim, tutorialDone, type ClaimAnswer } from '../vouchers'
import { forgetLiveRewards } from './liveRewards'

type Decision = ClaimAnswer & { outcome: ClaimOutcome; voucher?: Voucher }

const refusal = (status: number, outcome: Exclude<ClaimOutcome, 'issued'>, detail: string, voucher?: Voucher, slug?: string): Decision => ({
  status,
  outcome,
  voucher,
  body: problem(
    status,
    outcome,
    detail,
    voucher && slug ? { voucher: voucherView(voucher, slug, new Date()) } : undefined,
  ) satisfies ClaimRefusal,
})

const alreadyClaimed = (voucher: Voucher, campaign: Campaign) =>
  refusal(409, 'already-claimed', "You already claimed this campaign's voucher: each user gets one.", voucher, campaign.slug)

const soldOut = () => refusal(409, 'sold-out', "All of this campaign's vouchers have been claimed.")

/**
 * Campaigns this process found sold out, and until when that is believed without looking again:
 * the claims that come after the last voucher are answered without queueing behind each other
 * for the campaign's lock. A voucher removed by hand frees its place within a few seconds.
 */
const soldOutUntil = new Map<Campaign['id'], number>()
const soldOutForMs = 5000

/**
 * What a claim gets before any voucher is taken: ended or not started, already claimed, sold out
 * a moment ago, tutorial unfinished, or not a new user (the MPP's word). Undefined means it may
 * take one. Sold out comes before the tutorial and the MPP's answer, so the rush after the last
 * voucher costs neither a lookup nor a call to the MPP. A failing MPP answers a Response that is
 * sent as it is and not recorded, so a retry asks the MPP again.
 */
async function refusalBeforeAllocating(
  req: PayloadRequest,
  { tenant, user, token }: WalletUser,
  campaign: Campaign,
): Promise<Decision | Response | undefined> {
  const phase = campaignPhase(campaign, new Date())
  if (phase === 'ended') return refusal(410, 'campaign-ended', 'This campaign has ended.')
  if (phase === 'upcoming') return refusal(409, 'campaign-not-started', `This campaign starts on ${campaign.startsAt}.`)
  const held = await heldVoucher(req.payload, campaign.id, user)
  if (held) return alreadyClaimed(held, campaign)
  if ((soldOutUntil.get(campaign.id) ?? 0) > Date.now()) return soldOut()
  const parts = tutorialParts(campaign)
  const done = parts ? await tutorialDone(req.payload, campaign.id, user) : 0
  if (done < parts) return refusal(409, 'tutorial-unfinished', `Finish the tutorial first: ${done} of its ${parts} parts are done.`)
  const newUser = await newToCrossBorder({ tenant, user, token, locale: req.headers.get('accept-language') })
  if (newUser instanceof Response) return newUser
  if (!newUser) return refusal(403, 'not-eligible', `This voucher is for users new to paying abroad with ${tenant.name}.`)
  return undefined
}

/** Takes a voucher from the budget for the user, or says it is sold out or already theirs. */
async function allocate(req: PayloadRequest, { tenant, user }: WalletUser, campaign: Campaign): Promise<Decision> {
  const allocation = await allocateVoucher(req.payload, campaign, user, tenant.slug)
  if (allocation.kind === 'sold-out') {
    soldOutUntil.set(campaign.id, Date.now() + soldOutForMs)
    return soldOut()
  }
  if (allocation.kind === 'already-claimed') return alreadyClaimed(allocation.voucher, campaign)
  forgetLiveRewards(tenant.slug)
  return {
    status: 201,
    outcome: 'issued',
    voucher: allocation.voucher,
    body: { voucher: voucherView(allocation.voucher, campaign.slug, new Date()) } satisfies Claimed,
  }
}

/** A claim's answer, first or replayed: refusals are problems (stored whole, so a replay is the same problem). */
const send = ({ status, body }: ClaimAnswer) =>
  status >= 400 ? problemResponse({ ...(body as Problem), status }) : Response.json(body, { status })

/**
 * POST /api/rewards/:campaign/claim with the user's token and an Idempotency-Key: gives the user
 * the campaign's voucher (201 `{ voucher }`) or says why not (a problem whose code is the outcome). The same key
 * from the same user gets the first answer again. One voucher per user and campaign and never more
 * than the budget, however many claims arrive at once: see allocateVoucher.
 */
export const claimVoucher: Endpoint = {
  path: '/rewards/:campaign/claim',
  method: 'post',
  handler: async (req) => {
    const found = await rewardsCampaign(req)
    if (found instanceof Response) return found
    const { caller, campaign } = found
    const idempotencyKey = req.headers.get('idempotency-key')
    if (!validIdempotencyKey(idempotencyKey)) {
      return refuse(
        400,
        'missing-idempotency-key',
        'Send an Idempotency-Key header (8 to 128 characters), new for each claim and the same when retrying it.',
      )
    }
    const key = `${caller.tenant.id}:${caller.user}:${idempotencyKey}`
    const replay = (stored: Awaited<ReturnType<typeof storedClaim>>) =>
      stored && String(stored.campaign) !== String(campaign.id)
        ? refuse(422, 'idempotency-key-reused', 'This Idempotency-Key was sent with a claim for another campaign.')
        : stored && send(stored)

    const earlier = replay(await storedClaim(req.payload, key))
    if (earlier) return earlier
    const before = await refusalBeforeAllocating(req, caller, campaign)
    if (before instanceof Response) return before
    // Sold out a moment ago: recorded under its key like any answer, without queueing for the lock.
    if (before?.outcome === 'sold-out')
      return send(await recordClaim(req.payload, { key, campaign, user: caller.user, ...before, voucher: undefined }))
    // One claim per campaign at a time in this process (SQLite has one writer); the unique indexes
    // are what keep several nodes correct.
    return oneAtATimePer(`campaign:${campaign.id}`, async () => {
      const sameKey = replay(await storedClaim(req.payload, key))
      if (sameKey) return sameKey
      const decision = before ?? (await allocate(req, caller, campaign))
      return send(await recordClaim(req.payload, { key, campaign, user: caller.user, ...decision, voucher: decision.voucher?.id }))
    })
  },
}
