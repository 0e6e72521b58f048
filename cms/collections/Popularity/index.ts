import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { nobody } from '../../access/nobody'
import { collectionDescriptions, collectionLabels } from '../../i18n/collectionLabels'
import { fieldLabels } from '../../i18n/fieldLabels'

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
    description: collectionDescriptions.popularity,
  },
  defaultSort: '-score',
  access: { read: authenticated, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'qa', label: fieldLabels.popularity.qa, type: 'relationship', relationTo: 'qas', required: true, index: true },
    { name: 'score', label: fieldLabels.popularity.score, type: 'number', required: true, min: 0 },
    { name: 'views', label: fieldLabels.popularity.views, type: 'number', defaultValue: 0 },
    { name: 'helpful', label: fieldLabels.popularity.helpful, type: 'number', defaultValue: 0 },
    { name: 'unhelpful', label: fieldLabels.popularity.unhelpful, type: 'number', defaultValue: 0 },
    { name: 'computedAt', label: fieldLabels.popularity.computedAt, type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
  ],
}
