import type { CollectionSlug, TextField, TextFieldSingleValidation } from 'payload'

import { fieldLabels } from '../i18n/fieldLabels'
import { adminMessage } from '../i18n/validationMessages'

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Lowercase words joined by hyphens, and, in tenant content, not yet used by another document of the same tenant; refused in the editor's language. */
const validateSlug: TextFieldSingleValidation = async (value, { req, data, id, collectionSlug }) => {
  if (!value) return true
  if (!slugPattern.test(value)) return adminMessage(req, 'slugFormat')
  const tenant = (data as { tenant?: unknown } | undefined)?.tenant
  if (!tenant || !collectionSlug) return true
  const tenantId = typeof tenant === 'object' ? (tenant as { id: number | string }).id : tenant
  const { docs } = await req.payload.find({
    collection: collectionSlug as CollectionSlug,
    where: { and: [{ tenant: { equals: tenantId } }, { slug: { equals: value } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
    limit: 1,
    depth: 0,
    pagination: false,
    req,
  })
  return docs.length ? adminMessage(req, 'slugTaken', { slug: value }) : true
}

/** A URL slug: lowercase words joined by hyphens, unique within a tenant. */
export const slugField = (overrides: Partial<TextField> = {}): TextField =>
  ({
    name: 'slug',
    label: fieldLabels.shared.slug,
    type: 'text',
    required: true,
    index: true,
    validate: validateSlug,
    admin: { position: 'sidebar' },
    ...overrides,
  }) as TextField
