import type { CollectionConfig } from 'payload'

import { draftableContentAccess } from '../../access/draftableContent'
import { localizedList } from '../../fields/localizedList'
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
import { fieldDescriptions, fieldLabels } from '../../i18n/fieldLabels'

/** The texts translators translate: a change to one in a locale stamps that locale's translatedAt. */
const texts = ['question', 'answer', 'alternatives', 'keywords']

export const Qas: CollectionConfig = {
  slug: 'qas',
  labels: collectionLabels.qas,
  admin: {
    preview: (doc, { locale }) => `/preview/qas/${doc.id}?locale=${locale}`,
    useAsTitle: 'question',
    defaultColumns: ['question', 'category', 'pinned', '_status'],
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
    localizedText({ name: 'question', label: fieldLabels.qas.question, required: true }),
    localizedRichText({ name: 'answer', label: fieldLabels.qas.answer, required: true }),
    localizedList('alternatives', fieldLabels.qas.alternatives, fieldDescriptions.qas.alternatives),
    localizedList('keywords', fieldLabels.qas.keywords, fieldDescriptions.qas.keywords),
    { name: 'category', label: fieldLabels.qas.category, type: 'relationship', relationTo: 'qa-categories', required: true },
    {
      name: 'pinned',
      label: fieldLabels.qas.pinned,
      type: 'checkbox',
      defaultValue: false,
      admin: { position: 'sidebar', description: fieldDescriptions.qas.pinned },
    },
    slugField(),
    orderField(),
    reviewRequestField(),
    ...translationFreshness(texts),
  ],
}
