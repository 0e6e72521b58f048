import type { Access, FieldAccess } from 'payload'

import type { User } from '../payload-types'

/** True for a signed-in super-admin, who sees and changes every tenant. */
export const isSuperAdmin = (user: Partial<User> | null | undefined): boolean => user?.role === 'super-admin'

export const superAdminOnly: Access = ({ req }) => isSuperAdmin(req.user)

/** The same rule for a single field. */
export const superAdminField: FieldAccess = ({ req }) => isSuperAdmin(req.user)
