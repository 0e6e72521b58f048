import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { nobody } from '../../access/nobody'
import { collectionLabels } from '../../i18n/collectionLabels'

/**
 * Each Q&A's popularity, recomputed from feedback by the recomputePopularity job; the export puts
 * the MPP's Q&As in this order (pinned ones first) and the next rebuild shows it.
 */
export const Popularity: CollectionConfig = {
  slug: 'popularity',
  labels: collectionLabels.popularity,
  admin: {
    useAsTitle: 'qa',
    defaultColumns: ['qa', 'score', 'views', 'helpful', 'unhelpful', 'computedAt'],
    description:
      'How popular each Q&A is from the ask box: views and helpful votes, unhelpful votes taking away, recent ones counting more. Pin a Q&A to show it above this ranking.',
  },
  defaultSort: '-score',
  access: { read: authenticated, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'qa', label: 'Q&A', type: 'relationship', relationTo: 'qas', required: true, index: true },
    { name: 'score', type: 'number', required: true, min: 0 },
    { name: 'views', type: 'number', defaultValue: 0 },
    { name: 'helpful', type: 'number', defaultValue: 0 },
    { name: 'unhelpful', type: 'number', defaultValue: 0 },
    { name: 'computedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
