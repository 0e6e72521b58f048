/** The collections with drafts that an editor can ask a publisher to review, and each one's title field. */
export const reviewableCollections = ['qas', 'guides', 'campaigns'] as const
export type Reviewable = (typeof reviewableCollections)[number]

export const titleField: Record<Reviewable, 'question' | 'title'> = { qas: 'question', guides: 'title', campaigns: 'title' }
