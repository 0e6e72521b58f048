import type { NumberField } from 'payload'

import { fieldLabels } from '../i18n/fieldLabels'

/** Position in lists: lower comes first. */
export const orderField = (): NumberField => ({
  name: 'order',
  label: fieldLabels.shared.order,
  type: 'number',
  required: true,
  defaultValue: 0,
  admin: { position: 'sidebar' },
})
