import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { nobody } from '../../access/nobody'
import { collectionDescriptions, collectionLabels } from '../../i18n/collectionLabels'
import { fieldDescriptions, fieldLabels } from '../../i18n/fieldLabels'

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
    description: collectionDescriptions.vouchers,
  },
  defaultSort: '-claimedAt',
  access: { read: authenticated, create: nobody, update: nobody, delete: nobody },
  indexes: [
    { fields: ['campaign', 'user'], unique: true },
    { fields: ['campaign', 'serial'], unique: true },
  ],
  fields: [
    { name: 'code', label: fieldLabels.vouchers.code, type: 'text', required: true, unique: true },
    { name: 'campaign', label: fieldLabels.shared.campaign, type: 'relationship', relationTo: 'campaigns', required: true },
    { name: 'user', label: fieldLabels.shared.user, type: 'text', required: true, admin: { description: fieldDescriptions.vouchers.user } },
    {
      name: 'serial',
      label: fieldLabels.vouchers.serial,
      type: 'number',
      required: true,
      min: 1,
      admin: { description: fieldDescriptions.vouchers.serial },
    },
    // Copied from the campaign when claimed: the user keeps what they were promised if the campaign changes later.
    { name: 'merchant', label: fieldLabels.campaigns.merchant, type: 'text', required: true },
    { name: 'currency', label: fieldLabels.campaigns.currency, type: 'text', required: true },
    { name: 'value', label: fieldLabels.campaigns.value, type: 'number', required: true },
    {
      name: 'claimedAt',
      label: fieldLabels.vouchers.claimedAt,
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'expiresAt',
      label: fieldLabels.vouchers.expiresAt,
      type: 'date',
      required: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
