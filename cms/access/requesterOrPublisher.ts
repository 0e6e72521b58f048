import type { Access, Where } from 'payload'

import { isSuperAdmin } from './isSuperAdmin'
import { tenantsWithRole } from './tenantRoles'

/** The user who made a request, or a publisher of its tenant. */
export const requesterOrPublisher: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isSuperAdmin(user)) return true
  const mine: Where = { requestedBy: { equals: user.id } }
  const published: Where = { tenant: { in: tenantsWithRole(user, 'publisher') } }
  return { or: [mine, published] }
}
