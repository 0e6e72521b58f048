import type { CollectionConfig } from 'payload'

import { authenticated } from './authenticated'
import { publishedOrEditor } from './publishedOrEditor'

/** Access for tenant content with drafts: the public reads what is published, editors (of their tenants) do the rest. */
export const draftableContentAccess: CollectionConfig['access'] = {
  read: publishedOrEditor,
  create: authenticated,
  update: authenticated,
  delete: authenticated,
}
