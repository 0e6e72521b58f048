import type { CollectionBeforeChangeHook } from 'payload'

import { localizedTextChanged } from '../lib/translationStatus'

/** Records when a locale's text last changed, so editors can see which translations lag behind the default locale. */
export const stampTranslation =
  (fields: string[]): CollectionBeforeChangeHook =>
  ({ data, originalDoc }) => {
    if (localizedTextChanged(fields, data, originalDoc)) data.translatedAt = new Date().toISOString()
    return data
  }
