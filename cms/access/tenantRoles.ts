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

/** Whether the user publishes in every tenant they work in: only then may a bulk write touch live rows. */
export function publishesEverywhere(user: Partial<User>): boolean {
  return isSuperAdmin(user) || tenantsWithRole(user, 'editor').length === tenantsWithRole(user, 'publisher').length
}

/** Access that needs `role` in the document's tenant, and in the tenant it is being moved to. */
const needsRole =
  (role: (data: Record<string, unknown> | undefined) => TenantRole): Access =>
  ({ req: { user }, data }) => {
    if (!user) return false
    if (isSuperAdmin(user)) return true
    const needed = role(data)
    if (data?.tenant !== undefined && data?.tenant !== null && !hasRoleIn(user, data.tenant, needed)) return false
    return { tenant: { in: tenantsWithRole(user, needed) } } satisfies Where
  }

/**
 * Saving content with drafts: editors save drafts in their tenants; publishing (a published status)
 * needs the publisher role in the document's tenant; nobody moves a document into a tenant not theirs.
 * That a non-publisher's save can only ever be a draft is `editorsSaveDrafts`' work.
 */
export const saveDraftOrPublish: Access = needsRole((data) => (data?._status === 'published' ? 'publisher' : 'editor'))

/** Content without drafts is live the moment it is saved: writing it is publishing it. */
export const publisherOnly: Access = needsRole(() => 'publisher')

/** New files (media) are not on any page until a publisher publishes the page using them. */
export const editorCreates: Access = needsRole(() => 'editor')
