import type { SelectField } from 'payload'

import { fieldLabels, labelledOptions, optionLabels } from '../i18n/fieldLabels'

/** A user's role in one tenant: editors save drafts, publishers also publish and delete. */
export const tenantRoleField: SelectField = {
  name: 'role',
  label: fieldLabels.shared.role,
  type: 'select',
  required: true,
  defaultValue: 'editor',
  options: labelledOptions(['editor', 'publisher'], optionLabels.tenantRoles),
}
