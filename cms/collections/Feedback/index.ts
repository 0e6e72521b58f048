import type { CollectionConfig } from 'payload'

import { maxQueryLength } from '../../../content/ask'
import { locales } from '../../../content/schema'
import { authenticated } from '../../access/authenticated'
import { superAdminOnly } from '../../access/isSuperAdmin'
import { nobody } from '../../access/nobody'
import { feedbackKinds } from '../../ask/popularity'
import { collectionDescriptions, collectionLabels } from '../../i18n/collectionLabels'
import { fieldDescriptions, fieldLabels, labelledOptions, optionLabels } from '../../i18n/fieldLabels'
import { feedbackEndpoint } from './endpoints/feedback'
import { draftFromQuestion, phrasingFromQuestion, unansweredQuestions } from './endpoints/unansweredQuestions'

/**
 * What users asked the ask box and how they rated its answers, one row per event, per tenant and
 * locale. Anonymous: no user, address or device is stored, only the cleaned question text.
 * Written only by POST /api/feedback; editors read their MPPs' rows.
 */
export const Feedback: CollectionConfig = {
  slug: 'feedback',
  labels: collectionLabels.feedback,
  admin: {
    useAsTitle: 'query',
    defaultColumns: ['query', 'kind', 'qa', 'locale', 'createdAt'],
    description: collectionDescriptions.feedback,
    components: { beforeList: ['/components/UnansweredQuestions#UnansweredQuestions'] },
  },
  defaultSort: '-createdAt',
  endpoints: [feedbackEndpoint, unansweredQuestions, draftFromQuestion, phrasingFromQuestion],
  access: { read: authenticated, create: nobody, update: nobody, delete: superAdminOnly },
  indexes: [{ fields: ['tenant', 'createdAt'] }, { fields: ['tenant', 'kind'] }],
  fields: [
    {
      name: 'query',
      label: fieldLabels.feedback.query,
      type: 'text',
      required: true,
      maxLength: maxQueryLength,
      admin: { readOnly: true },
    },
    {
      name: 'kind',
      label: fieldLabels.feedback.kind,
      type: 'select',
      required: true,
      options: labelledOptions(feedbackKinds, optionLabels.feedbackKinds),
      admin: { readOnly: true, description: fieldDescriptions.feedback.kind },
    },
    {
      name: 'locale',
      label: fieldLabels.shared.locale,
      type: 'select',
      required: true,
      options: labelledOptions(locales, optionLabels.locales),
      admin: { readOnly: true },
    },
    { name: 'qa', label: fieldLabels.feedback.qa, type: 'relationship', relationTo: 'qas', admin: { readOnly: true } },
    {
      name: 'score',
      label: fieldLabels.feedback.score,
      type: 'number',
      min: 0,
      max: 1,
      admin: { readOnly: true, description: fieldDescriptions.feedback.score },
    },
  ],
}
