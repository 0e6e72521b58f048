import type { NumberField } from 'payload'

/** Position in lists: lower comes first. */
export const orderField = (): NumberField => ({
  name: 'order',
  type: 'number',
  required: true,
  defaultValue: 0,
  admin: { position: 'sidebar' },
})
