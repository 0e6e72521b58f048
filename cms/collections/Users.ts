import type { CollectionConfig } from 'payload'

import { authenticated } from '../access/authenticated'
import { superAdminField, superAdminOnly } from '../access/isSuperAdmin'
import { superAdminOrSelf } from '../access/superAdminOrSelf'

export const Users: CollectionConfig = {
  slug: 'users',
  auth: true,
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
