import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

type Doc = { id: number | string; _status?: string | null }

const clear = (req: PayloadRequest, collection: string, id: number | string) =>
  req.payload.delete({
    collection: 'review-requests',
    where: { and: [{ collection: { equals: collection } }, { document: { equals: String(id) } }] },
    overrideAccess: true,
    req,
  })

/** Publishing a document answers the requests to review it: they leave the publishers' queue. */
export const clearReviewRequests: CollectionAfterChangeHook<Doc> = async ({ collection, doc, req }) => {
  if (req.context.seeding || doc._status !== 'published') return doc
  await clear(req, collection.slug, doc.id)
  return doc
}

/** A deleted document has nothing left to review. */
export const clearReviewRequestsOnDelete: CollectionAfterDeleteHook<Doc> = async ({ collection, doc, req }) => {
  if (!req.context.seeding) await clear(req, collection.slug, doc.id)
  return doc
}
