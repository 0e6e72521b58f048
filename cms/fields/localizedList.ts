import type { TextField } from 'payload'

/** Short phrases per locale (alternative phrasings, keywords). */
export const localizedList = (name: string, description: string): TextField => ({
  name,
  type: 'text',
  hasMany: true,
  localized: true,
  admin: { description },
})
