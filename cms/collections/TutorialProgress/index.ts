import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { collectionLabels } from '../../i18n/collectionLabels'
import { fieldDescriptions, fieldLabels } from '../../i18n/fieldLabels'

/** How far a wallet user got in a campaign's tutorial: a claim needs all of it done. Written by the progress endpoint only. */
export const TutorialProgress: CollectionConfig = {
  slug: 'tutorial-progress',
  labels: collectionLabels['tutorial-progress'],
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['campaign', 'user'], unique: true }],
  fields: [
    { name: 'campaign', label: fieldLabels.shared.campaign, type: 'relationship', relationTo: 'campaigns', required: true },
    { name: 'user', label: fieldLabels.shared.user, type: 'text', required: true },
    {
      name: 'stepsDone',
      label: fieldLabels['tutorial-progress'].stepsDone,
      type: 'number',
      required: true,
      min: 0,
      admin: { description: fieldDescriptions['tutorial-progress'].stepsDone },
    },
  ],
}
