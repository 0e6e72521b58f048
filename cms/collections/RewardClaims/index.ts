import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { nobody } from '../../access/nobody'
import { collectionDescriptions, collectionLabels } from '../../i18n/collectionLabels'
import { fieldDescriptions, fieldLabels, labelledOptions, optionLabels } from '../../i18n/fieldLabels'

/** What a claim can end in: a voucher, or the reason it was refused. */
export const claimOutcomes = [
  'issued',
  'already-claimed',
  'sold-out',
  'not-eligible',
  'tutorial-unfinished',
  'campaign-ended',
  'campaign-not-started',
] as const
export type ClaimOutcome = (typeof claimOutcomes)[number]

/**
 * One row per claim a wallet user made (not per retry): its Idempotency-Key, so the same key
 * gets the same answer again, and its outcome, which the campaign's statistics count. A failure
 * of the MPP's API is not recorded, so a retry with the same key tries again.
 */
export const RewardClaims: CollectionConfig = {
  slug: 'reward-claims',
  labels: collectionLabels['reward-claims'],
  admin: {
    useAsTitle: 'outcome',
    defaultColumns: ['campaign', 'user', 'outcome', 'createdAt'],
    description: collectionDescriptions['reward-claims'],
  },
  defaultSort: '-createdAt',
  access: { read: authenticated, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['campaign', 'outcome'] }],
  fields: [
    {
      name: 'key',
      label: fieldLabels.shared.key,
      type: 'text',
      required: true,
      unique: true,
      admin: { description: fieldDescriptions['reward-claims'].key },
    },
    { name: 'campaign', label: fieldLabels.shared.campaign, type: 'relationship', relationTo: 'campaigns', required: true },
    { name: 'user', label: fieldLabels.shared.user, type: 'text', required: true },
    {
      name: 'outcome',
      label: fieldLabels['reward-claims'].outcome,
      type: 'select',
      required: true,
      options: labelledOptions(claimOutcomes, optionLabels.claimOutcomes),
    },
    { name: 'voucher', label: fieldLabels['reward-claims'].voucher, type: 'relationship', relationTo: 'vouchers' },
    {
      name: 'status',
      label: fieldLabels['reward-claims'].status,
      type: 'number',
      required: true,
      admin: { description: fieldDescriptions['reward-claims'].status },
    },
    {
      name: 'answer',
      label: fieldLabels['reward-claims'].answer,
      type: 'json',
      required: true,
      admin: { description: fieldDescriptions['reward-claims'].answer },
    },
  ],
}
