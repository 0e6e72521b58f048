import type { TextField } from 'payload'

/** A URL slug: lowercase words joined by hyphens. */
export const slugField = (overrides: Partial<TextField> = {}): TextField => ({
  name: 'slug',
  type: 'text',
  required: true,
  index: true,
  validate: (value: null | string | undefined) =>
    !value || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) || 'Use lowercase letters, digits and hyphens, like "pay-online".',
  admin: { position: 'sidebar' },
  ...overrides,
} as TextField)
