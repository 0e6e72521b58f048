import type { Access } from 'payload'

/** Any signed-in user; the multi-tenant plugin narrows it to their tenants. */
export const authenticated: Access = ({ req }) => Boolean(req.user)
