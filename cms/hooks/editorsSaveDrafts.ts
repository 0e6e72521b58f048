import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest } from 'payload'
import { APIError, Forbidden } from 'payload'

import { hasRoleIn, publishesEverywhere } from '../access/tenantRoles'
import { adminMessage } from '../i18n/validationMessages'
import type { User } from '../payload-types'

/**
 * A write to a document with drafts by someone who does not publish in its tenant becomes a draft
 * save, whatever the request asked (no `?draft=true`, `draft=false`, `_status: 'draft'`, restoring a
 * publishing one locale). Restoring a version without `draft` is refused: Payload writes the live row of a published document unless the
 * operation is a draft save, and access rules alone cannot see the operation's `draft` flag. New
 * documents and duplicates start as drafts. An explicit publish (`_status: 'published'`) is left as it
 * is, so that `saveDraftOrPublish` refuses it with a 403.
 */
export const editorsSaveDrafts: CollectionBeforeOperationHook = async ({ args, operation, overrideAccess, req }) => {
  if (overrideAccess || !['create', 'update', 'restoreVersion'].includes(operation)) return args
  const user = req.user as Partial<User> | null
  if (!user) throw new Forbidden(req.t)
  if (publishesEverywhere(user) || hasRoleIn(user, await tenantOf(args as WriteArgs, operation, req), 'publisher')) return args
  // A restore reads its `draft` flag before this hook runs, so it cannot be turned into a draft here.
  if (operation === 'restoreVersion' && !(args as { draft?: boolean }).draft)
    throw new APIError(adminMessage(req, 'restoreNeedsPublisher'), 403, undefined, true)
  return { ...args, draft: true, publishAllLocales: undefined, publishSpecificLocale: undefined, unpublishAllLocales: undefined }
}

/** What create, update and restore operations are given, as far as this hook reads it. */
type WriteArgs = {
  collection: { config: { slug: CollectionSlug } }
  data?: { tenant?: unknown }
  duplicateFromID?: unknown
  id?: number | string
}

/** The tenant a create or an update by id writes to; undefined for bulk writes and version restores. */
async function tenantOf(args: WriteArgs, operation: string, req: PayloadRequest): Promise<unknown> {
  if (operation === 'create') return args.duplicateFromID === undefined ? args.data?.tenant : undefined
  if (operation !== 'update' || args.id === undefined) return undefined
  const current = await req.payload
    .findByID({ collection: args.collection.config.slug, id: args.id, depth: 0, draft: false, overrideAccess: true, req })
    .catch(() => null)
  return (current as { tenant?: unknown } | null)?.tenant
}
