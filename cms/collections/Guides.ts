import type { CollectionConfig } from 'payload'

import { products } from '../../content/schema'
import { draftableContentAccess } from '../access/draftableContent'
import { localizedText } from '../fields/localizedText'
import { orderField } from '../fields/order'
import { slugField } from '../fields/slug'

export const Guides: CollectionConfig = {
  slug: 'guides',
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'product', 'order', '_status'] },
  versions: { drafts: true },
  access: draftableContentAccess,
  fields: [
    localizedText({ name: 'title', required: true }),
    localizedText({ name: 'summary', multiline: true }),
    { name: 'product', type: 'select', required: true, options: [...products] },
    {
      name: 'steps',
      type: 'array',
      minRows: 1,
      fields: [localizedText({ name: 'body', required: true, multiline: true })],
    },
    slugField(),
    orderField(),
  ],
}
