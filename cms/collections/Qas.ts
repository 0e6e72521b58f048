import type { CollectionConfig } from 'payload'

import { authenticated } from '../access/authenticated'
import { publishedOrEditor } from '../access/publishedOrEditor'
import { localizedText } from '../fields/localizedText'
import { orderField } from '../fields/order'
import { slugField } from '../fields/slug'

export const Qas: CollectionConfig = {
  slug: 'qas',
  labels: { singular: 'Q&A', plural: 'Q&As' },
  admin: { useAsTitle: 'question', defaultColumns: ['question', 'category', '_status'] },
  versions: { drafts: true },
  access: {
    read: publishedOrEditor,
    create: authenticated,
    update: authenticated,
    delete: authenticated,
  },
  fields: [
    localizedText({ name: 'question', required: true }),
    localizedText({ name: 'answer', required: true, multiline: true }),
    { name: 'category', type: 'relationship', relationTo: 'qa-categories', required: true },
    slugField(),
    orderField(),
  ],
}
