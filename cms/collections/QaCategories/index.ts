import type { CollectionConfig } from 'payload'

import { publisherOnly } from '../../access/tenantRoles'
import { localizedText } from '../../fields/localizedText'
import { orderField } from '../../fields/order'
import { slugField } from '../../fields/slug'
import { uniqueSlugPerTenant } from '../../fields/tenantSlug'
import { queueTenantRebuild, queueTenantRebuildOnDelete } from '../../hooks/queueTenantRebuild'
import { collectionLabels } from '../../i18n/collectionLabels'
import { fieldLabels } from '../../i18n/fieldLabels'

/** Categories have no drafts: a saved category is live, so writing one needs the publisher role. */
export const QaCategories: CollectionConfig = {
  slug: 'qa-categories',
  labels: collectionLabels['qa-categories'],
  admin: { useAsTitle: 'name' },
  access: {
    read: () => true,
    create: publisherOnly,
    update: publisherOnly,
    delete: publisherOnly,
  },
  indexes: uniqueSlugPerTenant,
  hooks: { afterChange: [queueTenantRebuild], afterDelete: [queueTenantRebuildOnDelete] },
  fields: [localizedText({ name: 'name', label: fieldLabels.shared.name, required: true }), slugField(), orderField()],
}
