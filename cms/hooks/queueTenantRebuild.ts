import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { takeOffline } from '../publish/buildSite'
import { queueRebuild } from '../publish/queue'

type Id = number | string
type Doc = { id: Id; _status?: string | null; tenant?: Id | { id: Id } | null }

/**
 * Whether a change can alter the live site: publishing, unpublishing, or any change to a document
 * without drafts. Saving a draft of a never-published document cannot.
 */
export function reachesLiveSite(doc: Doc, previousDoc?: Partial<Doc> | null): boolean {
  if (!('_status' in doc)) return true
  return doc._status === 'published' || previousDoc?._status === 'published'
}

/** The tenant whose site a document belongs to: the document itself for a tenant. */
export function tenantOf(collection: string, doc: Doc): Id | undefined {
  if (collection === 'tenants') return doc.id
  const tenant = doc.tenant
  return tenant === null || tenant === undefined ? undefined : typeof tenant === 'object' ? tenant.id : tenant
}

/** After a publish, an unpublish or a change to live content, queues a rebuild of the tenant's site; seeding skips it. */
export const queueTenantRebuild: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, req }) => {
  const tenant = tenantOf(collection.slug, doc)
  if (req.context.seeding || tenant === undefined || !reachesLiveSite(doc, previousDoc)) return doc
  await queueRebuild(req.payload, tenant, 'publish', req)
  return doc
}

/** After deleting published content, queues a rebuild so it leaves the live site. */
export const queueTenantRebuildOnDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  const tenant = tenantOf(collection.slug, doc)
  if (req.context.seeding || tenant === undefined || !reachesLiveSite(doc)) return doc
  await queueRebuild(req.payload, tenant, 'publish', req)
  return doc
}

/** A deleted tenant has nothing left to build: its live link goes, so its site stops being served. */
export const takeTenantSiteOffline: CollectionAfterDeleteHook = ({ doc }) => {
  takeOffline((doc as { slug: string }).slug)
  return doc
}
