import type { CollectionConfig } from 'payload'

import { publishedOrEditor } from './publishedOrEditor'
import { publisherOnly, saveDraftOrPublish } from './tenantRoles'

/** Access for tenant content with drafts: the public reads what is published, editors save drafts, publishers publish and delete. */
export const draftableContentAccess: CollectionConfig['access'] = {
  read: publishedOrEditor,
  create: saveDraftOrPublish,
  update: saveDraftOrPublish,
  delete: publisherOnly,
}
