import type { Access, Where } from 'payload'

import type { User } from '../payload-types'
import { isSuperAdmin } from './isSuperAdmin'

export type TenantRole = 'editor' | 'publisher'
type Id = number | string

/** The tenants in which a user holds a role (publisher includes editor). */
export function tenantsWithRole(user: Partial<User> | null | undefined, role: TenantRole): Id[] {
  return (user?.tenants ?? [])
    .filter((row) => role === 'editor' || row.role === 'publisher')
    .map((row) => (typeof row.tenant === 'object' ? row.tenant.id : row.tenant))
}

/** Whether the user may publish in this tenant: a super-admin, or a publisher of it. */
export function canPublishIn(user: Partial<User> | null | undefined, tenant: unknown): boolean {
  if (isSuperAdmin(user)) return true
  const id = typeof tenant === 'object' && tenant !== null ? (tenant as { id: Id }).id : (tenant as Id)
  return tenantsWithRole(user, 'publisher').some((own) => String(own) === String(id))
}

/**
 * Saving: editors save drafts; publishing (a published status) needs the publisher role in the
 * document's tenant. Tenant scoping itself comes from the multi-tenant plugin.
 */
export const saveDraftOrPublish: Access = ({ req: { user }, data }) => {
  if (!user) return false
  if (isSuperAdmin(user) || data?._status !== 'published') return true
  if (data.tenant !== undefined && data.tenant !== null) return canPublishIn(user, data.tenant)
  return { tenant: { in: tenantsWithRole(user, 'publisher') } } satisfies Where
}

/** Deleting content removes it from the live site: publishers only. */
export const publisherOnly: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isSuperAdmin(user)) return true
  return { tenant: { in: tenantsWithRole(user, 'publisher') } }
}
