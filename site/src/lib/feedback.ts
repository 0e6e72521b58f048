import { cleanQuery, type AskResult } from '../../../content/ask'
import type { Feedback } from '../../../content/centerApi'
import type { Locale } from '../../../content/schema'

export type { Feedback, FeedbackKind } from '../../../content/centerApi'

/** What the ask box reports about a question it answered (or could not), as POST /api/feedback takes it. */
export function feedbackFor(tenant: string, locale: Locale, query: string, result: AskResult, vote?: 'helpful' | 'unhelpful'): Feedback {
  const cleaned = cleanQuery(query)
  if (!result.match) return { tenant, locale, kind: 'unanswered', query: cleaned }
  return { tenant, locale, kind: vote ?? 'view', query: cleaned, qa: result.match, score: result.score }
}

/** Sends feedback to the Center API; it may outlive the page (keepalive), and a failure only costs the count, never the user's answer. */
export async function sendFeedback(apiUrl: string, feedback: Feedback): Promise<boolean> {
  try {
    const response = await fetch(`${apiUrl}/feedback`, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(feedback),
    })
    if (!response.ok) console.warn('[center] feedback refused', response.status, await response.text())
    return response.ok
  } catch (error) {
    console.warn('[center] feedback not sent', error)
    return false
  }
}
