import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { nobody } from '../../access/nobody'
import { collectionLabels } from '../../i18n/collectionLabels'

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
    description: 'Every voucher claim and how it ended.',
  },
  defaultSort: '-createdAt',
  access: { read: authenticated, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['campaign', 'outcome'] }],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, admin: { description: 'The MPP, the user and their Idempotency-Key.' } },
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns', required: true },
    { name: 'user', type: 'text', required: true },
    { name: 'outcome', type: 'select', required: true, options: [...claimOutcomes] },
    { name: 'voucher', type: 'relationship', relationTo: 'vouchers' },
    { name: 'status', type: 'number', required: true, admin: { description: 'The HTTP status the claim was answered with.' } },
    {
      name: 'answer',
      type: 'json',
      required: true,
      admin: { description: 'The body the claim was answered with, sent again for the same key.' },
    },
  ],
}
