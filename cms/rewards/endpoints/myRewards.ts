import type { Endpoint } from 'payload'

import type { MyRewards } from '../../../content/centerApi'
import { newToCrossBorder } from '../eligibility'
import { tutorialParts, voucherView } from '../rewards'
import { rewardsUser } from '../rewardsRequest'
import { tutorialsDone } from '../vouchers'

/**
 * GET /api/rewards/mine with the user's token: what the rewards page shows that user. Their
 * vouchers at this MPP (newest first), their tutorial progress per campaign, and whether the MPP
 * says they are new to paying abroad (`null` when it cannot say right now).
 */
export const myRewards: Endpoint = {
  path: '/rewards/mine',
  method: 'get',
  handler: async (req) => {
    const caller = await rewardsUser(req)
    if (caller instanceof Response) return caller
    const { tenant, user } = caller
    const [newUser, campaigns, vouchers] = await Promise.all([
      newToCrossBorder({ ...caller, locale: req.headers.get('accept-language') }),
      req.payload.find({
        collection: 'campaigns',
        where: { and: [{ tenant: { equals: tenant.id } }, { _status: { equals: 'published' } }] },
        limit: 0,
        depth: 0,
      }),
      req.payload.find({
        collection: 'vouchers',
        where: { and: [{ tenant: { equals: tenant.id } }, { user: { equals: user } }] },
        sort: '-claimedAt',
        limit: 0,
        depth: 0,
      }),
    ])
    const slugs = new Map(campaigns.docs.map((campaign) => [String(campaign.id), campaign.slug]))
    const done = await tutorialsDone(
      req.payload,
      campaigns.docs.map((campaign) => campaign.id),
      user,
    )
    const now = new Date()
    return Response.json(
      {
        tenant: tenant.slug,
        user,
        newUser: typeof newUser === 'boolean' ? newUser : null,
        tutorials: campaigns.docs.map((campaign) => {
          const parts = tutorialParts(campaign)
          const finished = Math.min(done.get(String(campaign.id)) ?? 0, parts)
          return { campaign: campaign.slug, done: finished, parts, completed: finished >= parts }
        }),
        vouchers: vouchers.docs.map((voucher) =>
          voucherView(voucher, slugs.get(String(typeof voucher.campaign === 'object' ? voucher.campaign.id : voucher.campaign)) ?? '', now),
        ),
      } satisfies MyRewards,
      { headers: { 'cache-control': 'no-store' } },
    )
  },
}
