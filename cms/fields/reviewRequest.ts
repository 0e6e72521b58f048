import type { Field } from 'payload'

/** The sidebar button that asks the MPP's publishers to review this draft, or says who already did. */
export const reviewRequestField = (): Field => ({
  name: 'reviewRequest',
  type: 'ui',
  admin: { position: 'sidebar', components: { Field: '/components/RequestReview#RequestReview' } },
})
