import type { Agreement } from '../../../mpp/contract/schema'

/** The list with one agreement replaced by its new state, in place. */
export function replaceAgreement(list: Agreement[], next: Agreement): Agreement[] {
  return list.map((agreement) => (agreement.id === next.id ? next : agreement))
}

/** What a cancelled agreement looks like before the MPP confirms it, so the list changes at once. */
export const cancelledNow = (agreement: Agreement, now: Date): Agreement => ({
  ...agreement,
  status: 'cancelled',
  cancelledAt: now.toISOString(),
})

/** What an authorized agreement looks like before the MPP confirms it. */
export const authorizedNow = (agreement: Agreement, now: Date): Agreement => ({
  ...agreement,
  status: 'active',
  authorizedAt: now.toISOString(),
})

/**
 * Shows a change at once and settles it with the MPP: the MPP's answer replaces the guess, and
 * a refusal puts the agreement back as it was before the error goes on to the caller.
 */
export async function optimistic(
  update: (change: (list: Agreement[]) => Agreement[]) => void,
  before: Agreement,
  guess: Agreement,
  settle: () => Promise<Agreement>,
): Promise<Agreement> {
  update((list) => replaceAgreement(list, guess))
  try {
    const confirmed = await settle()
    update((list) => replaceAgreement(list, confirmed))
    return confirmed
  } catch (error) {
    update((list) => replaceAgreement(list, before))
    throw error
  }
}

/** A fresh Idempotency-Key for one user action; getRandomValues works outside secure contexts too, unlike randomUUID. */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
