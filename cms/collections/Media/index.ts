import type { CollectionConfig } from 'payload'

import { editorCreates, publisherOnly } from '../../access/tenantRoles'
import { mediaDir } from '../../env'
import { localizedText } from '../../fields/localizedText'
import { collectionLabels } from '../../i18n/collectionLabels'
import { fieldLabels } from '../../i18n/fieldLabels'

export const Media: CollectionConfig = {
  slug: 'media',
  labels: collectionLabels.media,
  access: {
    read: () => true,
    create: editorCreates,
    // A file can be on live pages: changing it (alt text, the image itself) changes them at once.
    update: publisherOnly,
    delete: publisherOnly,
  },
  upload: {
    staticDir: mediaDir,
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'],
    imageSizes: [
      { name: 'small', width: 480 },
      { name: 'medium', width: 960 },
    ],
    formatOptions: { format: 'webp', options: { quality: 80 } },
  },
  fields: [localizedText({ name: 'alt', label: fieldLabels.media.alt, required: true })],
}
