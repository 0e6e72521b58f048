import type { CollectionConfig } from 'payload'

import { features, locales } from '../../content/schema'
import { authenticated } from '../access/authenticated'
import { superAdminOnly } from '../access/isSuperAdmin'
import { localizedText } from '../fields/localizedText'
import { slugField } from '../fields/slug'

const hexColour = (value: null | string | undefined) =>
  !value || /^#[0-9a-fA-F]{6}$/.test(value) || 'Use a colour like #1a2b3c.'

export const Tenants: CollectionConfig = {
  slug: 'tenants',
  labels: { singular: 'MPP', plural: 'MPPs' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'enabledLocales'] },
  access: {
    read: authenticated,
    create: superAdminOnly,
    update: superAdminOnly,
    delete: superAdminOnly,
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField({ unique: true }),
    {
      name: 'enabledLocales',
      type: 'select',
      hasMany: true,
      required: true,
      options: [...locales],
    },
    { name: 'defaultLocale', type: 'select', required: true, options: [...locales] },
    { name: 'features', type: 'select', hasMany: true, options: [...features] },
    {
      name: 'brand',
      type: 'group',
      fields: [
        { name: 'primaryColor', type: 'text', required: true, validate: hexColour },
        { name: 'accentColor', type: 'text', required: true, validate: hexColour },
        localizedText({ name: 'intro', multiline: true }),
      ],
    },
    { name: 'mppApiBaseUrl', label: 'MPP API base URL', type: 'text', required: true },
    { name: 'supportEmail', type: 'email', required: true },
  ],
}
