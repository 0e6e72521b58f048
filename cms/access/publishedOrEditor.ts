import type { Access } from 'payload'

/** Editors read drafts (of their tenants, by the multi-tenant plugin); everyone else reads published documents only. */
export const publishedOrEditor: Access = ({ req }) => (req.user ? true : { _status: { equals: 'published' } })
