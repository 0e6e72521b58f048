import { MppError, type MppErrorKind } from '../../../mpp/contract/client'

/** The kind of failure to tell the user about; anything that is not an MppError is a bug, reported to the console and shown as "unavailable". */
export function failureKind(error: unknown): MppErrorKind {
  if (error instanceof MppError) return error.kind
  console.error('[center] unexpected error', error)
  return 'unavailable'
}

/** The UI string key that explains a failure. */
export const failureKey = (kind: MppErrorKind): string => `mpp.error.${kind}`
