import type { Endpoint, PayloadRequest } from 'payload'

import type { LiveRewards } from '../../../content/centerApi'
import { refuse } from '../../lib/requests'
import { shortLived } from '../../lib/shortLived'
import { findTenant } from '../../lib/tenants'
import { campaignPhase } from '../rewards'
import { pageTenant, rewardsLimit } from '../rewardsRequest'
import { issuedCount } from '../vouchers'

/**
 * Each MPP's answer is reused for a second, and the calls arriving at the same moment share one
 * lookup (the MPP's too): a rewards page opened by thousands of users at once costs a few queries
 * a second, not a few per user. A voucher given out by this process drops the MPP's answer at once (forgetLiveRewards);
 * with several CMS nodes, another node's count is at most this old. Claims never read it.
 */
export const liveRewardsTtlMs = 1_000
const answers = shortLived<LiveRewards | undefined>(liveRewardsTtlMs)

/** Drops an MPP's cached answer: a voucher was just given out. */
export const forgetLiveRewards = (tenantSlug: string) => answers.forget(tenantSlug)

/** An MPP's running campaigns and what each has left, now; undefined when there is no such MPP or it has no rewards. */
async function liveCampaigns(req: PayloadRequest, slug: string): Promise<LiveRewards | undefined> {
  const tenant = await findTenant(req.payload, slug)
  if (!tenant?.features?.includes('rewards')) return undefined
  const now = new Date()
  const { docs } = await req.payload.find({
    collection: 'campaigns',
    where: {
      and: [{ tenant: { equals: tenant.id } }, { _status: { equals: 'published' } }, { endsAt: { greater_than: now.toISOString() } }],
    },
    sort: 'startsAt',
    limit: 0,
    depth: 0,
  })
  const campaigns = await Promise.all(
    docs
      .filter((campaign) => campaignPhase(campaign, now) === 'live')
      .map(async (campaign) => {
        const issued = await issuedCount(req.payload, campaign.id)
        return {
          campaign: campaign.slug,
          budget: campaign.budget,
          issued,
          remaining: Math.max(0, campaign.budget - issued),
          endsAt: campaign.endsAt,
        }
      }),
  )
  return { tenant: tenant.slug, campaigns }
}

/**
 * GET /api/rewards?tenant=<slug>: public, no token. An MPP's running campaigns and how many
 * vouchers each has left, for the rewards page to show beside what was built into it.
 */
export const liveRewards: Endpoint = {
  path: '/rewards',
  method: 'get',
  handler: async (req) => {
    const limited = await rewardsLimit(req)
    if (limited) return limited
    const slug = pageTenant(req)
    const live = slug ? await answers(slug, () => liveCampaigns(req, slug)) : undefined
    if (!live) return refuse(404, 'rewards-off', 'Name an MPP that has rewards: /api/rewards?tenant=<slug>.')
    return Response.json(live, { headers: { 'cache-control': 'no-store' } })
  },
}
