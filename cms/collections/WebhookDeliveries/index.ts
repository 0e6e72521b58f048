import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { collectionLabels } from '../../i18n/collectionLabels'
import { fieldDescriptions, fieldLabels } from '../../i18n/fieldLabels'

/**
 * The `webhook-id`s of accepted rebuild webhooks, per tenant: the unique index refuses a replay
 * even when two copies arrive at once. Rows older than the signature tolerance are pruned.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: collectionLabels['webhook-deliveries'],
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    {
      name: 'key',
      label: fieldLabels.shared.key,
      type: 'text',
      required: true,
      unique: true,
      admin: { description: fieldDescriptions['webhook-deliveries'].key },
    },
    { name: 'receivedAt', label: fieldLabels['webhook-deliveries'].receivedAt, type: 'date', required: true, index: true },
  ],
}
