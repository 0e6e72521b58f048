import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { superAdminField, superAdminOnly } from '../../access/isSuperAdmin'
import { superAdminOrSelf } from '../../access/superAdminOrSelf'
import { collectionLabels } from '../../i18n/collectionLabels'
import { startInTheMppsLocale } from '../../lib/adminLocale'
import { forgiveSignIn, limitSignInAttempts } from '../../lib/signInLimits'

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
      type: 'select',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: [
        { label: 'Super-admin', value: 'super-admin' },
        { label: 'Editor', value: 'editor' },
      ],
      access: { create: superAdminField, update: superAdminField },
    },
  ],
}
