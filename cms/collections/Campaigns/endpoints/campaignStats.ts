import type { Endpoint } from 'payload'

import type { CampaignStats } from '../../../../content/centerApi'
import { refuse } from '../../../lib/requests'
import { campaignStats } from '../../../rewards/vouchers'

/**
 * GET /api/campaigns/:id/reward-stats, signed in: the campaign's vouchers given out, what is left
 * of its budget and its refused claims by reason. Editors see only their MPPs' campaigns: the
 * campaign is read with their access, which the multi-tenant plugin narrows.
 */
export const campaignStatsEndpoint: Endpoint = {
  path: '/:id/reward-stats',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'sign-in', "Sign in to the CMS to see a campaign's statistics.")
    const id = String(req.routeParams?.id ?? '')
    const campaign = await req.payload
      .findByID({ collection: 'campaigns', id, depth: 0, draft: true, overrideAccess: false, user: req.user })
      .catch(() => null)
    if (!campaign) return refuse(404, 'campaign-not-found', `No campaign ${id} that you can read.`)
    return Response.json({ campaign: campaign.slug, ...(await campaignStats(req.payload, campaign)) } satisfies CampaignStats)
  },
}
