import type { TFunction } from '@payloadcms/translations'
import type { UIFieldServerProps } from 'payload'

import { claimOutcomes, type ClaimOutcome } from '../collections/RewardClaims'
import type { AdminTranslationKeys } from '../i18n/translations'
import { campaignStats } from '../rewards/vouchers'

/** What the panel calls each reason a claim was refused. */
const reasons = {
  'already-claimed': 'rewardStats:alreadyClaimed',
  'sold-out': 'rewardStats:soldOut',
  'not-eligible': 'rewardStats:notEligible',
  'tutorial-unfinished': 'rewardStats:tutorialUnfinished',
  'campaign-ended': 'rewardStats:campaignEnded',
  'campaign-not-started': 'rewardStats:campaignNotStarted',
} as const satisfies Record<Exclude<ClaimOutcome, 'issued'>, AdminTranslationKeys>

/** Sidebar panel of a campaign: vouchers given out, what is left of the budget, and refused claims by reason, in the admin's language. */
export async function RewardStats({ payload, id, data, i18n }: UIFieldServerProps) {
  const budget = (data as { budget?: number } | undefined)?.budget
  if (!id || !budget) return null
  const t = i18n.t as TFunction<AdminTranslationKeys>
  const stats = await campaignStats(payload, { id: id as number, budget })
  const refusals = claimOutcomes
    .filter((outcome): outcome is Exclude<ClaimOutcome, 'issued'> => outcome !== 'issued')
    .map((outcome) => [outcome, stats.refused[outcome]] as const)
  return (
    <div className="field-type reward-stats">
      <p className="field-label">{t('rewardStats:vouchers')}</p>
      <p>{t('rewardStats:summary', { issued: stats.issued, remaining: stats.remaining, budget: stats.budget })}</p>
      <p className="field-label">{t('rewardStats:refused')}</p>
      <ul>
        {refusals.map(([reason, count]) => (
          <li key={reason} data-reason={reason}>
            {t(reasons[reason])}: {count}
          </li>
        ))}
      </ul>
    </div>
  )
}
