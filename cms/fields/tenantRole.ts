import type { SelectField } from 'payload'

/** A user's role in one tenant: editors save drafts, publishers also publish and delete. */
export const tenantRoleField: SelectField = {
  name: 'role',
  type: 'select',
  required: true,
  defaultValue: 'editor',
  options: [
    { label: 'Editor', value: 'editor' },
    { label: 'Publisher', value: 'publisher' },
  ],
}
