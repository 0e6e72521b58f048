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

/** Whether the user holds the role in this tenant (a super-admin holds every role everywhere). */
export function hasRoleIn(user: Partial<User> | null | undefined, tenant: unknown, role: TenantRole): boolean {
  if (isSuperAdmin(user)) return true
  const id = typeof tenant === 'object' && tenant !== null ? (tenant as { id: Id }).id : (tenant as Id)
  return tenantsWithRole(user, role).some((own) => String(own) === String(id))
}

/**
 * Saving: editors save drafts in their tenants; publishing (a published status) needs the
 * publisher role in the document's tenant; nobody moves a document into a tenant not theirs.
 */
export const saveDraftOrPublish: Access = ({ req: { user }, data }) => {
  if (!user) return false
  if (isSuperAdmin(user)) return true
  const role: TenantRole = data?._status === 'published' ? 'publisher' : 'editor'
  if (data?.tenant !== undefined && data?.tenant !== null) return hasRoleIn(user, data.tenant, role)
  return { tenant: { in: tenantsWithRole(user, role) } } satisfies Where
}

/** Deleting content removes it from the live site: publishers only. */
export const publisherOnly: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isSuperAdmin(user)) return true
  return { tenant: { in: tenantsWithRole(user, 'publisher') } }
}
