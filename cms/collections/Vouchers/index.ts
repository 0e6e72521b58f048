import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { nobody } from '../../access/nobody'
import { collectionLabels } from '../../i18n/collectionLabels'

/**
 * Vouchers given to wallet users by rewards campaigns. The indexes are what keep a campaign
 * honest on every database and across CMS nodes: one voucher per user and campaign, and each
 * voucher takes one of the budget's numbered places (serial 1 to budget), so two racing claims
 * for the last place cannot both be written. Editors read their MPPs' rows; only the claim endpoint writes.
 */
export const Vouchers: CollectionConfig = {
  slug: 'vouchers',
  labels: collectionLabels.vouchers,
  admin: {
    useAsTitle: 'code',
    defaultColumns: ['code', 'campaign', 'user', 'claimedAt', 'expiresAt'],
    description: 'Vouchers claimed by wallet users through rewards campaigns.',
  },
  defaultSort: '-claimedAt',
  access: { read: authenticated, create: nobody, update: nobody, delete: nobody },
  indexes: [
    { fields: ['campaign', 'user'], unique: true },
    { fields: ['campaign', 'serial'], unique: true },
  ],
  fields: [
    { name: 'code', type: 'text', required: true, unique: true },
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns', required: true },
    { name: 'user', type: 'text', required: true, admin: { description: 'The wallet user, as the MPP names them in its tokens.' } },
    {
      name: 'serial',
      type: 'number',
      required: true,
      min: 1,
      admin: { description: "Which of the budget's vouchers this is, from 1 to the budget." },
    },
    // Copied from the campaign when claimed: the user keeps what they were promised if the campaign changes later.
    { name: 'merchant', type: 'text', required: true },
    { name: 'currency', type: 'text', required: true },
    { name: 'value', type: 'number', required: true },
    { name: 'claimedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'expiresAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
