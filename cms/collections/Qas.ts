import type { CollectionConfig } from 'payload'

import { draftableContentAccess } from '../access/draftableContent'
import { localizedText } from '../fields/localizedText'
import { orderField } from '../fields/order'
import { slugField } from '../fields/slug'

export const Qas: CollectionConfig = {
  slug: 'qas',
  labels: { singular: 'Q&A', plural: 'Q&As' },
  admin: { useAsTitle: 'question', defaultColumns: ['question', 'category', '_status'] },
  versions: { drafts: true },
  access: draftableContentAccess,
  fields: [
    localizedText({ name: 'question', required: true }),
    localizedText({ name: 'answer', required: true, multiline: true }),
    { name: 'category', type: 'relationship', relationTo: 'qa-categories', required: true },
    slugField(),
    orderField(),
  ],
}
