import type { Endpoint } from 'payload'

import type { TutorialProgress } from '../../../content/centerApi'
import { oneAtATimePer } from '../../lib/oneAtATime'
import { readCapped, refuse } from '../../lib/requests'
import { advanceTutorial, campaignPhase, tutorialParts } from '../rewards'
import { rewardsCampaign } from '../rewardsRequest'
import { recordTutorial, tutorialDone } from '../vouchers'

/** The JSON body of a progress report: `{ "step": 2 }` says the user finished the tutorial's second part. */
function reportedStep(body: string): unknown {
  try {
    return (JSON.parse(body) as { step?: unknown } | null)?.step
  } catch {
    return undefined // not JSON: refused as an invalid step
  }
}

/**
 * POST /api/rewards/:campaign/progress with the user's token and `{ "step": n }`: the user finished
 * part n (from 1) of the campaign's tutorial, whose parts are its video (when it has one) and then
 * each step, in order. Answers `{ campaign, done, parts, completed }`; a skipped part is a 409.
 */
export const tutorialProgress: Endpoint = {
  path: '/rewards/:campaign/progress',
  method: 'post',
  handler: async (req) => {
    const found = await rewardsCampaign(req)
    if (found instanceof Response) return found
    const { caller, campaign } = found
    if (campaignPhase(campaign, new Date()) === 'ended') return refuse(410, 'campaign-ended', 'This campaign has ended.')
    const body = await readCapped(req, 1024)
    if (body === undefined) return refuse(413, 'too-large', 'The body must be at most 1024 bytes.')
    const parts = tutorialParts(campaign)
    const step = reportedStep(body)
    // One writer per campaign in this process; the unique (campaign, user) index decides across nodes.
    return oneAtATimePer(`campaign:${campaign.id}`, async () => {
      const done = await tutorialDone(req.payload, campaign.id, caller.user)
      const next = advanceTutorial(done, step, parts)
      if (next === 'invalid')
        return refuse(400, 'invalid-step', `Send { "step": n } with n from 1 to ${parts}, the part of the tutorial the user finished.`)
      if (next === 'skipped') return refuse(409, 'step-skipped', `Part ${done + 1} of the tutorial comes first.`)
      const recorded = await recordTutorial(req.payload, campaign.id, caller.user, next)
      return Response.json({ campaign: campaign.slug, done: recorded, parts, completed: recorded >= parts } satisfies TutorialProgress)
    })
  },
}
