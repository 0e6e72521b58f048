import { useEffect, useRef, useState, type SubmitEvent } from 'react'

import { asker, type AskResult, type SearchFile } from '../../../content/ask'
import type { Locale } from '../../../content/schema'
import { translate } from '../i18n/format'
import { feedbackFor, sendFeedback } from '../lib/feedback'

type Props = {
  tenant: string
  locale: Locale
  /** The tenant and locale's search file: the ask box matches over the search index. */
  indexUrl: string
  /** Where the form goes when scripts never run: the Q&A list. */
  fallbackUrl: string
  /** The Center API, for feedback; absent when the site is built without a CMS, and then nothing is sent. */
  apiUrl?: string
  supportEmail: string
  strings: Record<string, string>
}

type Ask = (query: string) => AskResult
type State = { status: 'idle' | 'loading' | 'failed' } | { status: 'done'; query: string; result: AskResult }

/** How long the user must stop typing before the question counts as asked (and is reported). */
const settleMs = 1500

/** Loads Fuse and the prebuilt index once, on the first keystroke. */
async function loadAsk(indexUrl: string): Promise<Ask> {
  const [{ default: Fuse }, response] = await Promise.all([import('fuse.js'), fetch(indexUrl)])
  if (!response.ok) throw new Error(`${indexUrl} answered ${response.status}`)
  return asker(Fuse, (await response.json()) as SearchFile)
}

/** The ask box: answers a question at once from the MPP's Q&As in the page's locale, or says it is not sure and shows the support contact. */
export default function AskBox({ tenant, locale, indexUrl, fallbackUrl, apiUrl, supportEmail, strings }: Props) {
  const t = translate(strings)
  const input = useRef<HTMLInputElement>(null)
  const ask = useRef<Promise<Ask> | null>(null)
  const reported = useRef<string>('')
  const [query, setQuery] = useState('')
  const [state, setState] = useState<State>({ status: 'idle' })
  const [vote, setVote] = useState<'helpful' | 'unhelpful' | null>(null)

  useEffect(() => {
    // The first keystrokes land before hydration: take them from the field.
    if (input.current?.value) setQuery(input.current.value)
  }, [])

  useEffect(() => {
    if (!query.trim()) return setState({ status: 'idle' })
    let current = true
    ask.current ??= loadAsk(indexUrl)
    setState((previous) => (previous.status === 'done' ? previous : { status: 'loading' }))
    ask.current.then(
      (answer) => {
        if (!current) return
        setState({ status: 'done', query, result: answer(query) })
        setVote(null)
      },
      (error: unknown) => {
        console.error('[center] ask box failed', error)
        ask.current = null
        if (current) setState({ status: 'failed' })
      },
    )
    return () => {
      current = false
    }
  }, [query, indexUrl])

  /** Reports a question once it is asked: on submit, or when typing stops. */
  const report = (done: State) => {
    if (!apiUrl || done.status !== 'done') return
    const key = `${done.result.match}:${done.query.trim()}`
    if (reported.current === key) return
    reported.current = key
    void sendFeedback(apiUrl, feedbackFor(tenant, locale, done.query, done.result))
  }

  useEffect(() => {
    if (state.status !== 'done') return
    const timer = setTimeout(() => report(state), settleMs)
    return () => clearTimeout(timer)
  })

  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    const typed = input.current?.value ?? ''
    if (typed !== query) setQuery(typed)
    else report(state)
  }

  const sendVote = (chosen: 'helpful' | 'unhelpful') => {
    if (state.status !== 'done') return
    setVote(chosen)
    report(state)
    if (apiUrl) void sendFeedback(apiUrl, feedbackFor(tenant, locale, state.query, state.result, chosen))
  }

  // The sentence keeps its {email} placeholder, so the address becomes a link wherever the language puts it.
  const [beforeEmail, afterEmail = ''] = t('support.contact').split('{email}')
  const support = (
    <p className="ask-support">
      {beforeEmail}
      <a href={`mailto:${supportEmail}`}>{supportEmail}</a>
      {afterEmail}
    </p>
  )

  return (
    <form className="ask" action={fallbackUrl} onSubmit={submit}>
      <label htmlFor="ask-query">{t('ask.label')}</label>
      <p id="ask-hint" className="ask-hint">
        {t('ask.hint')}
      </p>
      <div className="ask-row">
        <input
          ref={input}
          id="ask-query"
          name="q"
          type="text"
          autoComplete="off"
          enterKeyHint="send"
          maxLength={500}
          aria-describedby="ask-hint"
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <button type="submit">{t('ask.submit')}</button>
      </div>
      <div className="ask-reply" role="status" aria-live="polite">
        {state.status === 'loading' && <p className="ask-status">{t('ask.loading')}</p>}
        {state.status === 'failed' && <p className="ask-status">{t('ask.failed')}</p>}
        {state.status === 'done' && !state.result.match && (
          <div className="ask-unsure">
            <p>{t('ask.unsure')}</p>
            {support}
          </div>
        )}
        {state.status === 'done' && state.result.match && (
          <article className="ask-answer" aria-labelledby="ask-answer-title">
            <p className="ask-kicker">{t('ask.answer')}</p>
            <h3 id="ask-answer-title">
              <a href={state.result.url}>{state.result.question}</a>
            </h3>
            <p className="ask-text">{state.result.answer}</p>
            {state.result.alternatives.length > 0 && (
              <div className="ask-alternatives">
                <p>{t('ask.alternatives')}</p>
                <ul>
                  {state.result.alternatives.map((alternative) => (
                    <li key={alternative.match}>
                      <a href={alternative.url}>{alternative.question}</a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <div className="ask-vote">
              {vote === null ? (
                <>
                  <p id="ask-vote-question">{t('ask.vote.question')}</p>
                  <div role="group" aria-labelledby="ask-vote-question">
                    <button type="button" onClick={() => sendVote('helpful')}>
                      {t('ask.vote.yes')}
                    </button>
                    <button type="button" onClick={() => sendVote('unhelpful')}>
                      {t('ask.vote.no')}
                    </button>
                  </div>
                </>
              ) : (
                <>
                  <p>{t('ask.vote.thanks')}</p>
                  {vote === 'unhelpful' && support}
                </>
              )}
            </div>
          </article>
        )}
      </div>
    </form>
  )
}
