import { useEffect, useRef, useState } from 'react'

import type { Locale } from '../../../content/schema'
import { translate } from '../i18n/format'
import { feedbackFor, sendFeedback } from '../lib/feedback'
import { SupportContact } from './parts/SupportContact'

type Vote = 'helpful' | 'unhelpful'
type Props = {
  tenant: string
  locale: Locale
  /** The Q&A the page shows, and its question as the page titles it (stored as what was asked). */
  qa: string
  question: string
  apiUrl?: string
  supportEmail: string
  strings: Record<string, string>
}

/**
 * "Did this answer your question?" under a Q&A: rendered as plain buttons, hydrated by the first
 * click (client:choice), which it then counts as the user's vote; "No" shows the support contact.
 */
export default function QaVote({ tenant, locale, qa, question, apiUrl, supportEmail, strings }: Props) {
  const t = translate(strings, locale)
  const root = useRef<HTMLDivElement>(null)
  const [vote, setVote] = useState<Vote | null>(null)

  const send = (chosen: Vote) => {
    setVote(chosen)
    if (apiUrl) void sendFeedback(apiUrl, feedbackFor(tenant, locale, question, { match: qa, score: 1, alternatives: [] }, chosen))
  }

  useEffect(() => {
    // The click that hydrated the island is the vote.
    const chosen = root.current?.closest('astro-island')?.getAttribute('data-chosen')
    if (chosen === 'helpful' || chosen === 'unhelpful') send(chosen)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, [])

  return (
    <div ref={root} className="qa-vote" role="status" aria-live="polite">
      {vote === null ? (
        <>
          <p id="qa-vote-question">{t('ask.vote.question')}</p>
          <div role="group" aria-labelledby="qa-vote-question">
            <button type="button" value="helpful" onClick={() => send('helpful')}>
              {t('ask.vote.yes')}
            </button>
            <button type="button" value="unhelpful" onClick={() => send('unhelpful')}>
              {t('ask.vote.no')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('ask.vote.thanks')}</p>
          {vote === 'unhelpful' && <SupportContact email={supportEmail} t={t} />}
        </>
      )}
    </div>
  )
}
