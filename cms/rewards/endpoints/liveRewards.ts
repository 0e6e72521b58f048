import type { Endpoint } from 'payload'

import type { LiveRewards } from '../../../content/centerApi'
import { refuse } from '../../lib/requests'
import { findTenant } from '../../lib/tenants'
import { campaignPhase } from '../rewards'
import { pageTenant, rewardsLimit } from '../rewardsRequest'
import { issuedCount } from '../vouchers'

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
    const tenant = slug ? await findTenant(req.payload, slug) : undefined
    if (!tenant?.features?.includes('rewards'))
      return refuse(404, 'rewards-off', 'Name an MPP that has rewards: /api/rewards?tenant=<slug>.')
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
    return Response.json({ tenant: tenant.slug, campaigns } satisfies LiveRewards, { headers: { 'cache-control': 'no-store' } })
  },
}
