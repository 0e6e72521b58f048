import type { CollectionConfig, PayloadRequest } from 'payload'

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
import { fieldDescriptions, fieldLabels, rowLabels, type Words } from '../../i18n/fieldLabels'
import { adminLanguageOf, adminMessage } from '../../i18n/validationMessages'
import { campaignStatsEndpoint } from './endpoints/campaignStats'

/**
 * A date later than another field's. The message names that field by its label in the editor's
 * language; in English by its name, as the admin always did.
 */
const after =
  (other: string, label: Words) =>
  (value: unknown, { req, siblingData }: { req: PayloadRequest; siblingData: Record<string, unknown> }) => {
    if (!value || !siblingData[other] || new Date(value as string) > new Date(siblingData[other] as string)) return true
    const language = adminLanguageOf(req)
    return adminMessage(language, 'dateAfter', { field: language === 'en' ? other : label[language] })
  }

type TextValue = null | string | undefined

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
          validate: (value: TextValue, { req }: { req: PayloadRequest }) =>
            !value || /^https:\/\//.test(value) || adminMessage(req, 'httpsUrl'),
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
          validate: (value: TextValue, { req }: { req: PayloadRequest }) =>
            !value || /^[A-Z]{3}$/.test(value) || adminMessage(req, 'currencyCode'),
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
      validate: after('startsAt', fieldLabels.campaigns.startsAt),
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
