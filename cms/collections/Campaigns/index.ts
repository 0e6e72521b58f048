import type { CollectionConfig } from 'payload'

import { draftableContentAccess } from '../../access/draftableContent'
import { localizedText } from '../../fields/localizedText'
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
import { fieldDescriptions, fieldLabels, rowLabels } from '../../i18n/fieldLabels'
import { campaignStatsEndpoint } from './endpoints/campaignStats'

const after =
  (other: string) =>
  (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
    !value || !siblingData[other] || new Date(value as string) > new Date(siblingData[other] as string) || `Must be after ${other}.`

/** The texts translators translate: a change to one in a locale stamps that locale's translatedAt. */
const texts = ['title', 'tutorial']

export const Campaigns: CollectionConfig = {
  slug: 'campaigns',
  labels: collectionLabels.campaigns,
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'startsAt', 'endsAt', 'budget', '_status'] },
  versions: { drafts: { schedulePublish: true, validate: true }, maxPerDoc: 50 },
  access: draftableContentAccess,
  indexes: uniqueSlugPerTenant,
  endpoints: [campaignStatsEndpoint],
  hooks: {
    beforeOperation: [editorsSaveDrafts],
    beforeChange: [stampTranslation(texts)],
    afterChange: [queueTenantRebuild, clearReviewRequests],
    afterDelete: [queueTenantRebuildOnDelete, clearReviewRequestsOnDelete],
  },
  fields: [
    localizedText({ name: 'title', label: fieldLabels.shared.title, required: true }),
    {
      name: 'tutorial',
      label: fieldLabels.campaigns.tutorial,
      type: 'group',
      fields: [
        {
          name: 'animation',
          label: fieldLabels.campaigns.animation,
          type: 'checkbox',
          defaultValue: false,
          admin: { description: fieldDescriptions.campaigns.animation },
        },
        {
          name: 'videoUrl',
          label: fieldLabels.campaigns.videoUrl,
          type: 'text',
          validate: (value: null | string | undefined) => !value || /^https:\/\//.test(value) || 'Use an https:// address.',
          admin: { description: fieldDescriptions.campaigns.videoUrl },
        },
        {
          name: 'steps',
          label: fieldLabels.shared.steps,
          labels: rowLabels.steps,
          type: 'array',
          fields: [localizedRichText({ name: 'body', label: fieldLabels.shared.body, required: true })],
        },
      ],
    },
    {
      name: 'voucher',
      label: fieldLabels.campaigns.voucher,
      type: 'group',
      fields: [
        { name: 'merchant', label: fieldLabels.campaigns.merchant, type: 'text', required: true },
        {
          name: 'currency',
          label: fieldLabels.campaigns.currency,
          type: 'text',
          required: true,
          validate: (value: null | string | undefined) => !value || /^[A-Z]{3}$/.test(value) || 'Use an ISO 4217 code like USD.',
        },
        {
          name: 'value',
          label: fieldLabels.campaigns.value,
          type: 'number',
          required: true,
          min: 1,
          admin: { description: fieldDescriptions.campaigns.value },
        },
        { name: 'validityDays', label: fieldLabels.campaigns.validityDays, type: 'number', required: true, min: 1 },
      ],
    },
    {
      name: 'budget',
      label: fieldLabels.campaigns.budget,
      type: 'number',
      required: true,
      min: 1,
      admin: { description: fieldDescriptions.campaigns.budget },
    },
    {
      name: 'startsAt',
      label: fieldLabels.campaigns.startsAt,
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'endsAt',
      label: fieldLabels.campaigns.endsAt,
      type: 'date',
      required: true,
      validate: after('startsAt'),
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    slugField(),
    {
      name: 'rewardStats',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/components/RewardStats#RewardStats' } },
    },
    reviewRequestField(),
    ...translationFreshness(texts),
  ],
}
