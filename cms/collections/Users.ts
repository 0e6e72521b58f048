import type { CollectionConfig } from 'payload'

import { authenticated } from '../access/authenticated'
import { superAdminField, superAdminOnly } from '../access/isSuperAdmin'
import { superAdminOrSelf } from '../access/superAdminOrSelf'

export const Users: CollectionConfig = {
  slug: 'users',
  // Five wrong passwords lock the account for ten minutes; sign-in is also rate-limited per client (cms/lib/apiRoute.ts).
  auth: { maxLoginAttempts: 5, lockTime: 10 * 60 * 1000 },
  admin: { useAsTitle: 'email' },
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
