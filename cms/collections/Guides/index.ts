import type { CollectionConfig } from 'payload'

import { products } from '../../../content/schema'
import { draftableContentAccess } from '../../access/draftableContent'
import { localizedText } from '../../fields/localizedText'
import { orderField } from '../../fields/order'
import { reviewRequestField } from '../../fields/reviewRequest'
import { localizedRichText } from '../../fields/richText'
import { slugField } from '../../fields/slug'
import { uniqueSlugPerTenant } from '../../fields/tenantSlug'
import { translationFreshness } from '../../fields/translationFreshness'
import { clearReviewRequests, clearReviewRequestsOnDelete } from '../../hooks/clearReviewRequests'
import { editorsSaveDrafts } from '../../hooks/editorsSaveDrafts'
import { queueTenantRebuild, queueTenantRebuildOnDelete } from '../../hooks/queueTenantRebuild'
import { stampTranslation } from '../../hooks/stampTranslation'
import { collectionLabels } from '../../i18n/collectionLabels'
import { fieldLabels, labelledOptions, optionLabels, rowLabels } from '../../i18n/fieldLabels'

/** The texts translators translate: a change to one in a locale stamps that locale's translatedAt. */
const texts = ['title', 'summary', 'steps']

export const Guides: CollectionConfig = {
  slug: 'guides',
  labels: collectionLabels.guides,
  admin: {
    preview: (doc, { locale }) => `/preview/guides/${doc.id}?locale=${locale}`,
    useAsTitle: 'title',
    defaultColumns: ['title', 'product', 'order', '_status'],
  },
  versions: { drafts: { schedulePublish: true, validate: true }, maxPerDoc: 50 },
  access: draftableContentAccess,
  indexes: uniqueSlugPerTenant,
  hooks: {
    beforeOperation: [editorsSaveDrafts],
    beforeChange: [stampTranslation(texts)],
    afterChange: [queueTenantRebuild, clearReviewRequests],
    afterDelete: [queueTenantRebuildOnDelete, clearReviewRequestsOnDelete],
  },
  fields: [
    localizedText({ name: 'title', label: fieldLabels.shared.title, required: true }),
    localizedText({ name: 'summary', label: fieldLabels.guides.summary, multiline: true }),
    {
      name: 'product',
      label: fieldLabels.guides.product,
      type: 'select',
      required: true,
      options: labelledOptions(products, optionLabels.products),
    },
    {
      name: 'steps',
      label: fieldLabels.shared.steps,
      type: 'array',
      minRows: 1,
      required: true,
      labels: rowLabels.steps,
      fields: [
        localizedRichText({ name: 'body', label: fieldLabels.shared.body, required: true }),
        { name: 'image', label: fieldLabels.guides.image, type: 'upload', relationTo: 'media' },
      ],
    },
    { name: 'related', label: fieldLabels.guides.related, type: 'relationship', relationTo: 'qas', hasMany: true },
    slugField(),
    orderField(),
    reviewRequestField(),
    ...translationFreshness(texts),
  ],
}
