import { tenantsArrayField } from '@payloadcms/plugin-multi-tenant/fields'
import type { ArrayField, CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { superAdminField, superAdminOnly } from '../../access/isSuperAdmin'
import { superAdminOrSelf } from '../../access/superAdminOrSelf'
import { tenantRoleField } from '../../fields/tenantRole'
import { collectionLabels } from '../../i18n/collectionLabels'
import { fieldLabels, labelledOptions, optionLabels } from '../../i18n/fieldLabels'
import { startInTheMppsLocale } from '../../lib/adminLocale'
import { forgiveSignIn, limitSignInAttempts } from '../../lib/signInLimits'

/**
 * The MPPs a user works in and their role in each: the multi-tenant plugin's field (its name, its
 * rows and what it saves to the JWT unchanged), which only super-admins change, labelled in the
 * editor's language. The plugin is told not to add its own (cms/payload.config.ts).
 */
const pluginsTenantsField = tenantsArrayField({
  rowFields: [tenantRoleField],
  arrayFieldAccess: { create: superAdminField, update: superAdminField },
})
const tenantsField: ArrayField = {
  ...pluginsTenantsField,
  label: collectionLabels.tenants.plural,
  labels: collectionLabels.tenants,
  fields: pluginsTenantsField.fields.map((field) =>
    'name' in field && field.name === 'tenant' ? { ...field, label: fieldLabels.shared.tenant } : field,
  ),
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: collectionLabels.users,
  // No lockout: anyone could lock any account by failing on purpose. Sign-ins are limited per
  // client and per account instead, with 429 before the password is checked (cms/lib/signInLimits.ts).
  auth: { maxLoginAttempts: 0 },
  admin: { useAsTitle: 'email' },
  hooks: { beforeOperation: [limitSignInAttempts], afterLogin: [forgiveSignIn, startInTheMppsLocale] },
  access: {
    read: authenticated,
    create: superAdminOnly,
    update: superAdminOrSelf,
    delete: superAdminOnly,
  },
  fields: [
    {
      name: 'role',
      label: fieldLabels.shared.role,
      type: 'select',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: labelledOptions(['super-admin', 'editor'], optionLabels.userRoles),
      access: { create: superAdminField, update: superAdminField },
    },
    tenantsField,
  ],
}
