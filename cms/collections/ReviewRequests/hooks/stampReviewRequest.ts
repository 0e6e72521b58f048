import type { CollectionBeforeValidateHook } from 'payload'
import { APIError, Forbidden, NotFound } from 'payload'

import { hasRoleIn } from '../../../access/tenantRoles'
import { adminMessage } from '../../../i18n/validationMessages'
import { reviewableCollections, titleField, type Reviewable } from '../reviewable'

type Id = number | string
const idOf = (value: unknown): Id | undefined => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id | undefined))

/**
 * Fills a new review request from the document it names, read with the requester's access: its
 * tenant, its title in the MPP's default locale and the requester. Whatever the body said about
 * those is ignored, so nobody files a request in another MPP or in another user's name.
 */
export const stampReviewRequest: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data) return data
  const collection = data.collection as Reviewable
  if (!reviewableCollections.includes(collection)) throw new APIError(adminMessage(req, 'reviewWhat'), 400, undefined, true)
  const user = req.user
  const doc = await req.payload
    .findByID({ collection, id: String(data.document), draft: true, depth: 0, locale: 'all', overrideAccess: !user, user, req })
    .catch(() => null)
  if (!doc) throw new NotFound(req.t)
  const tenant = idOf(doc.tenant)
  if (user && !hasRoleIn(user, tenant, 'editor')) throw new Forbidden(req.t)
  const open = await req.payload.count({
    collection: 'review-requests',
    where: { and: [{ collection: { equals: collection } }, { document: { equals: String(doc.id) } }] },
    req,
  })
  if (open.totalDocs > 0) throw new APIError(adminMessage(req, 'reviewAlreadyRequested'), 409, undefined, true)
  const owner = tenant === undefined ? null : await req.payload.findByID({ collection: 'tenants', id: tenant, depth: 0, req })
  const titles = (doc as unknown as Record<string, unknown>)[titleField[collection]]
  const title =
    titles && typeof titles === 'object'
      ? ((titles as Record<string, string | undefined>)[owner?.defaultLocale ?? 'en'] ?? Object.values(titles).find(Boolean))
      : titles
  return { ...data, document: String(doc.id), tenant, title: typeof title === 'string' ? title : undefined, requestedBy: user?.id }
}
