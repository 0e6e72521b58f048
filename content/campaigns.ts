/** Rules about a campaign that the CMS (claims) and the site (the tutorial) must agree on. */

type WithTutorial = {
  tutorial?: { animation?: boolean | null; videoUrl?: string | null; steps?: readonly unknown[] | null } | null
}

/** How many parts a campaign's tutorial has, done in order: the Center's animation and its video (when it has them), then each step. */
export const tutorialParts = (campaign: WithTutorial): number =>
  (campaign.tutorial?.animation ? 1 : 0) + (campaign.tutorial?.videoUrl ? 1 : 0) + (campaign.tutorial?.steps?.length ?? 0)

/** Where a moment falls in a campaign's dates: before it starts, while it runs, or after it ended. */
export function campaignPhase(campaign: { startsAt: string; endsAt: string }, now: Date): 'upcoming' | 'live' | 'ended' {
  if (now < new Date(campaign.startsAt)) return 'upcoming'
  return now < new Date(campaign.endsAt) ? 'live' : 'ended'
}

const dayMs = 24 * 3600_000

/**
 * Demo campaigns' dates made relative to `now`, so the seeded demo is live whenever it is seeded
 * (its fixed dates in content/ would end one day): the latest start becomes a day ago and the
 * earliest end a year ahead, each campaign keeping its distance from those, so their order and
 * staggered end dates stay as written.
 */
export function liveForAYearFrom<T extends { startsAt: string; endsAt: string }>(campaigns: readonly T[], now: Date): T[] {
  if (!campaigns.length) return []
  const time = (iso: string) => new Date(iso).getTime()
  const latestStart = Math.max(...campaigns.map((c) => time(c.startsAt)))
  const earliestEnd = Math.min(...campaigns.map((c) => time(c.endsAt)))
  const start = now.getTime() - dayMs
  const end = now.getTime() + 365 * dayMs
  return campaigns.map((c) => ({
    ...c,
    startsAt: new Date(start - (latestStart - time(c.startsAt))).toISOString(),
    endsAt: new Date(end + (time(c.endsAt) - earliestEnd)).toISOString(),
  }))
}
