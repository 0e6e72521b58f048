import type { CollectionAfterLoginHook } from 'payload'

import { tenantsWithRole } from '../access/tenantRoles'

/** The admin preference in which Payload keeps the content locale a user last worked in. */
const localePreference = 'locale'

/**
 * On sign-in, a user who works in one MPP and has never picked a content locale starts in that
 * MPP's default locale (hoshi's editors in Japanese), not in the config's English: the default
 * locale is the text every document needs first. Once they pick another, Payload keeps their choice.
 */
export const startInTheMppsLocale: CollectionAfterLoginHook = async ({ req, user }) => {
  const tenants = tenantsWithRole(user, 'editor')
  if (tenants.length !== 1) return user
  const { payload } = req
  const chosen = await payload.count({
    collection: 'payload-preferences',
    where: {
      and: [{ key: { equals: localePreference } }, { 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: 'users' } }],
    },
    req,
  })
  if (chosen.totalDocs) return user
  const tenant = await payload.findByID({ collection: 'tenants', id: tenants[0]!, depth: 0, select: { defaultLocale: true }, req })
  const configured = payload.config.localization ? payload.config.localization.defaultLocale : undefined
  if (!tenant?.defaultLocale || tenant.defaultLocale === configured) return user
  await payload.create({
    collection: 'payload-preferences',
    data: { key: localePreference, value: tenant.defaultLocale, user: { relationTo: 'users', value: user.id } },
    req,
  })
  return user
}
