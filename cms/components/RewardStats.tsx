import type { UIFieldServerProps } from 'payload'

import { claimOutcomes } from '../collections/RewardClaims'
import { campaignStats } from '../rewards/vouchers'

/** Sidebar panel of a campaign: vouchers given out, what is left of the budget, and refused claims by reason. */
export async function RewardStats({ payload, id, data }: UIFieldServerProps) {
  const budget = (data as { budget?: number } | undefined)?.budget
  if (!id || !budget) return null
  const stats = await campaignStats(payload, { id: id as number, budget })
  const refusals = claimOutcomes
    .filter((outcome) => outcome !== 'issued')
    .map((outcome) => [outcome, stats.refused[outcome as keyof typeof stats.refused]] as const)
  return (
    <div className="field-type reward-stats">
      <p className="field-label">Vouchers</p>
      <p>
        {stats.issued} issued, {stats.remaining} of {stats.budget} left
      </p>
      <p className="field-label">Claims refused</p>
      <ul>
        {refusals.map(([reason, count]) => (
          <li key={reason} data-reason={reason}>
            {reason}: {count}
          </li>
        ))}
      </ul>
    </div>
  )
}
