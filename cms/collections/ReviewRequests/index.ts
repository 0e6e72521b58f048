import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { nobody } from '../../access/nobody'
import { requesterOrPublisher } from '../../access/requesterOrPublisher'
import { collectionDescriptions, collectionLabels } from '../../i18n/collectionLabels'
import { fieldDescriptions, fieldLabels, labelledOptions, optionLabels } from '../../i18n/fieldLabels'
import { stampReviewRequest } from './hooks/stampReviewRequest'
import { reviewableCollections } from './reviewable'

/**
 * An editor's request that a publisher of the MPP review a draft. The document, its tenant, its
 * title and the requester are taken from the server's view (stampReviewRequest), never from the
 * request body. Nobody edits a request; its requester withdraws it, a publisher of the MPP
 * dismisses it, and publishing the document clears it (clearReviewRequests).
 */
export const ReviewRequests: CollectionConfig = {
  slug: 'review-requests',
  labels: collectionLabels['review-requests'],
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'collection', 'requestedBy', 'createdAt'],
    description: collectionDescriptions['review-requests'],
  },
  defaultSort: '-createdAt',
  access: { read: authenticated, create: authenticated, update: nobody, delete: requesterOrPublisher },
  indexes: [{ fields: ['collection', 'document'] }],
  hooks: { beforeValidate: [stampReviewRequest] },
  fields: [
    {
      name: 'collection',
      label: fieldLabels.shared.collection,
      type: 'select',
      required: true,
      options: labelledOptions(reviewableCollections, optionLabels.reviewable),
    },
    {
      name: 'document',
      label: fieldLabels.shared.document,
      type: 'text',
      required: true,
      admin: { description: fieldDescriptions['review-requests'].document },
    },
    { name: 'title', label: fieldLabels.shared.title, type: 'text', admin: { readOnly: true } },
    { name: 'note', label: fieldLabels['review-requests'].note, type: 'textarea', maxLength: 1000 },
    {
      name: 'requestedBy',
      label: fieldLabels['review-requests'].requestedBy,
      type: 'relationship',
      relationTo: 'users',
      admin: { readOnly: true },
    },
  ],
}
