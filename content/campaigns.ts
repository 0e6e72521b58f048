/** Rules about a campaign that the CMS (claims) and the site (the tutorial) must agree on. */

type WithTutorial = { tutorial?: { videoUrl?: string | null; steps?: readonly unknown[] | null } | null }

/** How many parts a campaign's tutorial has, done in order: its video (when it has one), then each step. */
export const tutorialParts = (campaign: WithTutorial): number => (campaign.tutorial?.videoUrl ? 1 : 0) + (campaign.tutorial?.steps?.length ?? 0)

/** Where a moment falls in a campaign's dates: before it starts, while it runs, or after it ended. */
export function campaignPhase(campaign: { startsAt: string; endsAt: string }, now: Date): 'upcoming' | 'live' | 'ended' {
  if (now < new Date(campaign.startsAt)) return 'upcoming'
  return now < new Date(campaign.endsAt) ? 'live' : 'ended'
}
