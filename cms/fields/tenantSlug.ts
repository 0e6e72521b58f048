import type { CollectionConfig } from 'payload'

/** Slugs are unique within a tenant, not across tenants: two MPPs may both have "refunds". */
export const uniqueSlugPerTenant: CollectionConfig['indexes'] = [{ fields: ['tenant', 'slug'], unique: true }]
