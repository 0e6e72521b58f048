import type { TextField } from 'payload'

import type { Words } from '../i18n/fieldLabels'

/** Short phrases per locale (alternative phrasings, keywords). */
export const localizedList = (name: string, label: Words, description: Words): TextField => ({
  name,
  label,
  type: 'text',
  hasMany: true,
  localized: true,
  admin: { description },
})
