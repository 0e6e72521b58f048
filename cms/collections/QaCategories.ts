import type { CollectionConfig } from 'payload'

import { authenticated } from '../access/authenticated'
import { publisherOnly } from '../access/tenantRoles'
import { queueTenantRebuild, queueTenantRebuildOnDelete } from '../hooks/queueTenantRebuild'
import { localizedText } from '../fields/localizedText'
import { orderField } from '../fields/order'
import { slugField } from '../fields/slug'
import { uniqueSlugPerTenant } from '../fields/tenantSlug'

export const QaCategories: CollectionConfig = {
  slug: 'qa-categories',
  labels: { singular: 'Q&A category', plural: 'Q&A categories' },
  admin: { useAsTitle: 'name' },
  access: {
    read: () => true,
    create: authenticated,
    update: authenticated,
    delete: publisherOnly,
  },
  indexes: uniqueSlugPerTenant,
  hooks: { afterChange: [queueTenantRebuild], afterDelete: [queueTenantRebuildOnDelete] },
  fields: [localizedText({ name: 'name', required: true }), slugField(), orderField()],
}
