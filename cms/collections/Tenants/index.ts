import type { CollectionConfig, PayloadRequest } from 'payload'

import { features, locales } from '../../../content/schema'
import { superAdminField, superAdminOnly } from '../../access/isSuperAdmin'
import { nobody } from '../../access/nobody'
import { brandColour } from '../../fields/brandColour'
import { localizedText } from '../../fields/localizedText'
import { slugField } from '../../fields/slug'
import { queueTenantRebuild, takeTenantSiteOffline } from '../../hooks/queueTenantRebuild'
import { collectionLabels } from '../../i18n/collectionLabels'
import { fieldDescriptions, fieldLabels, labelledOptions, optionLabels, rowLabels } from '../../i18n/fieldLabels'
import { adminMessage } from '../../i18n/validationMessages'
import { createWebhookSecret } from './endpoints/createWebhookSecret'

/** A JWKS holding at least one public key, and never a private one. */
const validJwks = (value: unknown, { req }: { req: PayloadRequest }): string | true => {
  if (value === null || value === undefined) return true
  const keys = (value as { keys?: unknown }).keys
  if (!Array.isArray(keys) || !keys.length) return adminMessage(req, 'jwksShape')
  if (keys.some((key) => typeof key !== 'object' || key === null || typeof (key as { kty?: unknown }).kty !== 'string'))
    return adminMessage(req, 'jwksKty')
  if (keys.some((key) => 'd' in (key as object))) return adminMessage(req, 'jwksPrivate')
  return true
}

export const Tenants: CollectionConfig = {
  slug: 'tenants',
  labels: collectionLabels.tenants,
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'enabledLocales'] },
  access: {
    // Public: the site and API clients filter content by tenant slug. Secrets stay hidden field by field.
    read: () => true,
    create: superAdminOnly,
    update: superAdminOnly,
    delete: superAdminOnly,
  },
  endpoints: [createWebhookSecret],
  hooks: { afterChange: [queueTenantRebuild], afterDelete: [takeTenantSiteOffline] },
  fields: [
    { name: 'name', label: fieldLabels.shared.name, type: 'text', required: true },
    slugField({ unique: true }),
    {
      name: 'enabledLocales',
      label: fieldLabels.tenants.enabledLocales,
      type: 'select',
      hasMany: true,
      required: true,
      options: labelledOptions(locales, optionLabels.locales),
    },
    {
      name: 'defaultLocale',
      label: fieldLabels.tenants.defaultLocale,
      type: 'select',
      required: true,
      options: labelledOptions(locales, optionLabels.locales),
      validate: (value: null | string | undefined, { req, siblingData }: { req: PayloadRequest; siblingData: Record<string, unknown> }) =>
        !value || ((siblingData.enabledLocales as string[] | undefined) ?? []).includes(value) || adminMessage(req, 'defaultLocaleEnabled'),
    },
    {
      name: 'features',
      label: fieldLabels.tenants.features,
      type: 'select',
      hasMany: true,
      options: labelledOptions(features, optionLabels.features),
    },
    {
      name: 'brand',
      label: fieldLabels.tenants.brand,
      type: 'group',
      fields: [
        { name: 'logo', label: fieldLabels.tenants.logo, type: 'upload', relationTo: 'media' },
        brandColour('primaryColor', fieldLabels.tenants.primaryColor),
        brandColour('accentColor', fieldLabels.tenants.accentColor),
        localizedText({ name: 'intro', label: fieldLabels.tenants.intro, multiline: true }),
      ],
    },
    {
      name: 'mppApiBaseUrl',
      label: fieldLabels.tenants.mppApiBaseUrl,
      type: 'text',
      required: true,
      validate: (value: null | string | undefined, { req }: { req: PayloadRequest }) =>
        !value || URL.canParse(value) || adminMessage(req, 'mppApiUrl'),
    },
    { name: 'jwks', label: fieldLabels.tenants.jwks, type: 'json', validate: validJwks },
    {
      name: 'createWebhookSecret',
      type: 'ui',
      admin: { components: { Field: '/components/CreateWebhookSecret#CreateWebhookSecret' } },
    },
    {
      name: 'webhookSecrets',
      label: fieldLabels.tenants.webhookSecrets,
      labels: rowLabels.webhookSecrets,
      type: 'array',
      admin: { description: fieldDescriptions.tenants.webhookSecrets },
      access: { read: superAdminField, create: nobody, update: superAdminField },
      fields: [
        { name: 'label', label: fieldLabels.tenants.label, type: 'text' },
        { name: 'hint', label: fieldLabels.tenants.hint, type: 'text', admin: { readOnly: true } },
        { name: 'createdAt', label: fieldLabels.tenants.createdAt, type: 'date', admin: { readOnly: true } },
        // Encrypted with PAYLOAD_SECRET; no API response ever includes it. The webhook check reads it
        // through the Local API with showHiddenFields.
        { name: 'secret', type: 'text', hidden: true, access: { read: nobody, create: nobody, update: nobody } },
      ],
    },
    { name: 'supportEmail', label: fieldLabels.tenants.supportEmail, type: 'email', required: true },
  ],
}
