import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'
import { collectionLabels } from '../../i18n/collectionLabels'

/** How far a wallet user got in a campaign's tutorial: a claim needs all of it done. Written by the progress endpoint only. */
export const TutorialProgress: CollectionConfig = {
  slug: 'tutorial-progress',
  labels: collectionLabels['tutorial-progress'],
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['campaign', 'user'], unique: true }],
  fields: [
    { name: 'campaign', type: 'relationship', relationTo: 'campaigns', required: true },
    { name: 'user', type: 'text', required: true },
    {
      name: 'stepsDone',
      type: 'number',
      required: true,
      min: 0,
      admin: { description: 'Parts of the tutorial done in order: the video counts as the first when there is one.' },
    },
  ],
}
