import type { PayloadRequest } from 'payload'

import { rateLimit, refuse } from '../lib/requests'
import { walletUser, type WalletUser } from '../lib/userToken'
import type { Campaign } from '../payload-types'
import { publishedCampaign } from './vouchers'

/**
 * One limit for every rewards endpoint: 300 requests a minute per address. Generous, because a
 * mobile carrier may put many phones behind one address; it stops floods, not users.
 */
export const rewardsLimit = rateLimit('rewards', 300, 60)

/** The `tenant` query parameter: the MPP whose page is calling, so another MPP's token is refused. */
export const pageTenant = (req: PayloadRequest): string | null =>
  new URL(req.url ?? '/', 'http://center.invalid').searchParams.get('tenant')

/** The wallet user of a rewards request, at an MPP that has rewards; otherwise the Response to send back. */
export async function rewardsUser(req: PayloadRequest): Promise<WalletUser | Response> {
  const limited = await rewardsLimit(req)
  if (limited) return limited
  const caller = await walletUser(req, pageTenant(req))
  if (caller instanceof Response) return caller
  if (!caller.tenant.features?.includes('rewards')) return refuse(404, 'rewards-off', `${caller.tenant.name} has no rewards.`)
  return caller
}

/** The wallet user and the published campaign of their MPP that the path names; otherwise the Response to send back. */
export async function rewardsCampaign(req: PayloadRequest): Promise<{ caller: WalletUser; campaign: Campaign } | Response> {
  const caller = await rewardsUser(req)
  if (caller instanceof Response) return caller
  const slug = String(req.routeParams?.campaign ?? '')
  const campaign = await publishedCampaign(req.payload, caller.tenant.id, slug)
  if (!campaign) return refuse(404, 'campaign-not-found', `${caller.tenant.name} has no campaign "${slug}".`)
  return { caller, campaign }
}
