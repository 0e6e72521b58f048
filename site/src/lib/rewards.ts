import type { Voucher } from './rewardsApi'

/** The refusals the rewards page explains in its own words; anything else reads as "unavailable". */
const refusals = [
  'already-claimed',
  'not-eligible',
  'tutorial-unfinished',
  'sold-out',
  'campaign-ended',
  'campaign-not-started',
  'campaign-not-found',
  'step-skipped',
] as const
/** Failures the MPP islands already explain (mpp.error.*). */
const failures = ['unauthorized', 'timeout', 'unavailable', 'invalid-response'] as const

/** The UI string key that explains why a rewards call failed. */
export function rewardsFailureKey(kind: string): string {
  if ((refusals as readonly string[]).includes(kind)) return `rewards.error.${kind}`
  return `mpp.error.${(failures as readonly string[]).includes(kind) ? kind : 'unavailable'}`
}

/** Failures worth retrying with the same Idempotency-Key: the claim may not have been decided yet. */
export const retryable = (kind: string): boolean => kind === 'timeout' || kind === 'unavailable' || kind === 'invalid-response'

/** The voucher a user holds from a campaign, if any. */
export const voucherFor = (vouchers: readonly Voucher[], campaign: string): Voucher | undefined =>
  vouchers.find((voucher) => voucher.campaign === campaign)

/** A list of vouchers with one more (or its newer copy), newest claim first. */
export const withVoucher = (vouchers: readonly Voucher[], voucher: Voucher): Voucher[] =>
  [voucher, ...vouchers.filter((held) => held.code !== voucher.code)].sort((a, b) => b.claimedAt.localeCompare(a.claimedAt))

/** What the user sees of a tutorial part: the Center's animation and the campaign's video first (when it has them), then its steps. */
export type TutorialPart = { kind: 'animation' } | { kind: 'video'; url: string } | { kind: 'step'; html: string }

/** A campaign's tutorial as parts in order, as the Center counts them (content/campaigns.ts, tutorialParts). */
export const tutorialOf = (tutorial: { animation?: boolean; videoUrl?: string; steps: readonly string[] }): TutorialPart[] => [
  ...(tutorial.animation ? [{ kind: 'animation' as const }] : []),
  ...(tutorial.videoUrl ? [{ kind: 'video' as const, url: tutorial.videoUrl }] : []),
  ...tutorial.steps.map((html) => ({ kind: 'step' as const, html })),
]

/** The Center's tutorial art without its comment, to inline (it is styled and played by the page). */
export const inlineArt = (svg: string): string =>
  svg
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/>\s+</g, '><')
    .trim()
