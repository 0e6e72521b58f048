import { useEffect, useLayoutEffect, useRef, useState, type SubmitEvent } from 'react'
import { createPortal } from 'react-dom'

import type { AskCandidate, AskResult, SearchHit } from '../../../content/ask'
import type { Locale } from '../../../content/schema'
import { translate } from '../i18n/format'
import { loadBox, type Box } from '../lib/askBox'
import { feedbackFor, sendFeedback } from '../lib/feedback'
import { resultsReplyId } from '../lib/resultsPage'
import { SupportContact } from './parts/SupportContact'

type Props = {
  tenant: string
  locale: Locale
  /** The tenant and locale's index (search.json) and the answers it shows (answers.json), fetched on the first keystroke. */
  indexUrl: string
  answersUrl: string
  /** The results page: where Enter goes, with ?q=, and where the box is prefilled from ?q=. */
  searchUrl: string
  /**
   * Whether this box is the results page's own: it then reads ?q=, keeps the address in step, and
   * replies in the page's reply area, where the page drew its first answer before the island loaded.
   */
  resultsPage?: boolean
  /** The Center API, for feedback; absent when the site is built without a CMS, and then nothing is sent. */
  apiUrl?: string
  supportEmail: string
  strings: Record<string, string>
}

type Reply = { query: string; result: AskResult; hits: SearchHit[] }
type State = { status: 'idle' | 'loading' | 'failed' } | ({ status: 'done' } & Reply)

/** How long the user must stop typing before the question counts as asked (and is reported). */
const settleMs = 1500

/** A title with the words the question matched marked. */
const Marked = ({ hit }: { hit: SearchHit }) => (
  <>{hit.parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>
)

/**
 * The one field that searches and asks: as the user types it answers from the MPP's Q&As in the
 * page's locale when it is sure, suggests up to three when it is not, says so (with the support
 * contact) when nothing fits, and lists the guides and Q&As that match. Enter opens the results page.
 */
export default function AskBox({ tenant, locale, indexUrl, answersUrl, searchUrl, resultsPage, apiUrl, supportEmail, strings }: Props) {
  const t = translate(strings, locale)
  const input = useRef<HTMLInputElement>(null)
  const box = useRef<Promise<Box> | null>(null)
  const answers = useRef<Record<string, string>>({})
  const reported = useRef<string>('')
  const prefilled = useRef<string | null>(null)
  const [query, setQuery] = useState('')
  const [state, setState] = useState<State>({ status: 'idle' })
  const [vote, setVote] = useState<'helpful' | 'unhelpful' | null>(null)
  // The results page's reply area, and whether it still holds the answer the page drew before the island loaded.
  const [replyArea, setReplyArea] = useState<HTMLElement | null>(null)
  const [drawn, setDrawn] = useState(false)

  useEffect(() => {
    // The results page starts from its address (the page has put it in the field, unless the user
    // typed first); elsewhere the first keystrokes land before hydration.
    const asked = resultsPage ? new URL(location.href).searchParams.get('q') : null
    if (asked && input.current && !input.current.value) input.current.value = asked
    // The box that sent the user here has reported the question already.
    if (asked) prefilled.current = asked
    if (input.current?.value) setQuery(input.current.value)
    if (!resultsPage) return
    const area = document.getElementById(resultsReplyId)
    setReplyArea(area)
    setDrawn(Boolean(area?.querySelector(':scope > [data-first]')))
  }, [resultsPage])

  // Once the island has its own reply, the page's first drawing of it goes, before the browser paints;
  // focus on a link there moves to the same link in the island's reply, and the reply area, kept busy
  // since the first drawing, is announced once, now.
  useLayoutEffect(() => {
    if (!replyArea || state.status === 'idle' || state.status === 'loading') return
    const painted = [...replyArea.querySelectorAll<HTMLElement>(':scope > [data-first]')]
    const focused = painted.some((node) => node.contains(document.activeElement)) ? document.activeElement?.getAttribute('href') : null
    painted.forEach((node) => node.remove())
    if (focused)
      [...replyArea.querySelectorAll<HTMLAnchorElement>('a[href]')].find((link) => link.getAttribute('href') === focused)?.focus()
    replyArea.removeAttribute('aria-busy')
    setDrawn(false)
  }, [replyArea, state.status])

  useEffect(() => {
    if (!query.trim()) return setState({ status: 'idle' })
    let current = true
    box.current ??= loadBox(indexUrl, answersUrl)
    setState((previous) => (previous.status === 'done' ? previous : { status: 'loading' }))
    box.current.then(
      (loaded) => {
        if (!current) return
        answers.current = loaded.answers
        setState({ status: 'done', query, result: loaded.ask(query), hits: loaded.search(query) })
        setVote(null)
      },
      (error: unknown) => {
        console.error('[center] ask box failed', error)
        box.current = null
        if (current) setState({ status: 'failed' })
      },
    )
    return () => {
      current = false
    }
  }, [query, indexUrl, answersUrl])

  /** Reports a question once it is asked: on submit, or when typing stops. */
  const report = (done: State) => {
    if (!apiUrl || done.status !== 'done' || done.query === prefilled.current) return
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
    const typed = input.current?.value ?? ''
    report(state)
    if (!resultsPage) return // the form goes to the results page, ?q= and all
    event.preventDefault()
    history.replaceState(null, '', `?q=${encodeURIComponent(typed)}`)
    if (typed !== query) setQuery(typed)
  }

  const sendVote = (chosen: 'helpful' | 'unhelpful') => {
    if (state.status !== 'done') return
    setVote(chosen)
    report(state)
    if (apiUrl) void sendFeedback(apiUrl, feedbackFor(tenant, locale, state.query, state.result, chosen))
  }

  /** A suggestion the user opens counts as the Q&A that answered the question. */
  const chose = (slug: string) => {
    if (state.status !== 'done' || !apiUrl) return
    const chosen = state.result.alternatives.find((candidate) => candidate.match === slug)
    if (chosen) void sendFeedback(apiUrl, feedbackFor(tenant, locale, state.query, { ...chosen, alternatives: [] }, 'helpful'))
  }

  const support = <SupportContact email={supportEmail} t={t} />

  const candidates = (list: AskCandidate[]) => (
    <ul className="ask-list">
      {list.map((candidate) => (
        <li key={candidate.match}>
          <a href={candidate.url} onClick={() => chose(candidate.match)}>
            {candidate.question}
          </a>
        </li>
      ))}
    </ul>
  )

  const done = state.status === 'done' ? state : null
  const shown = new Set(done ? [done.result.match, ...done.result.alternatives.map((a) => a.match)] : [])
  const more = done ? done.hits.filter((hit) => !(hit.kind === 'qa' && shown.has(hit.slug))) : []

  const reply = (
    <>
      {state.status === 'loading' && !drawn && <p className="ask-status">{t('ask.loading')}</p>}
      {state.status === 'failed' && <p className="ask-status">{t('ask.failed')}</p>}
      {done && !done.result.match && done.result.alternatives.length > 0 && (
        <div className="ask-unsure">
          <p>{t('ask.suggestions')}</p>
          {candidates(done.result.alternatives)}
        </div>
      )}
      {done && !done.result.match && done.result.alternatives.length === 0 && (
        <div className="ask-unsure">
          <p>{t('ask.unsure')}</p>
          {support}
        </div>
      )}
      {done?.result.match && (
        <article className="ask-answer" aria-labelledby="ask-answer-title">
          <p className="ask-kicker">{t('ask.answer')}</p>
          <h2 id="ask-answer-title">
            <a href={done.result.url}>{done.result.question}</a>
          </h2>
          {/* answers.json holds the Q&A pages' own HTML, rendered at build time from sanitized Markdown. */}
          <div className="ask-text" dangerouslySetInnerHTML={{ __html: answers.current[done.result.match] ?? '' }} />
          {done.result.alternatives.length > 0 && (
            <div className="ask-alternatives">
              <p>{t('ask.alternatives')}</p>
              {candidates(done.result.alternatives)}
            </div>
          )}
          <div className="ask-vote">
            {vote === null ? (
              <>
                <p id="ask-vote-question">{t('ask.vote.question')}</p>
                <div role="group" aria-labelledby="ask-vote-question">
                  <button type="button" className="secondary" onClick={() => sendVote('helpful')}>
                    {t('ask.vote.yes')}
                  </button>
                  <button type="button" className="secondary" onClick={() => sendVote('unhelpful')}>
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
      {more.length > 0 && (
        <div className="ask-more">
          <p>
            {done?.result.match || done?.result.alternatives.length ? t('ask.more') : t('search.results', { count: String(more.length) })}
          </p>
          <ul className="ask-list search-results">
            {more.map((hit) => (
              <li key={hit.url}>
                <a href={hit.url}>
                  <span className="search-kind">{t(`search.kind.${hit.kind}`)}</span> <Marked hit={hit} />
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  )

  return (
    <form role="search" className="ask" action={searchUrl} method="get" onSubmit={submit}>
      <label htmlFor="ask-query">{t('ask.label')}</label>
      <p id="ask-hint" className="ask-hint">
        {t('ask.hint')}
      </p>
      <div className="ask-row">
        <input
          ref={input}
          id="ask-query"
          name="q"
          type="search"
          autoComplete="off"
          enterKeyHint="search"
          maxLength={500}
          aria-describedby="ask-hint"
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <button type="submit">{t('search.submit')}</button>
      </div>
      {resultsPage ? (
        replyArea && createPortal(reply, replyArea)
      ) : (
        <div className="ask-reply" role="status" aria-live="polite">
          {reply}
        </div>
      )}
    </form>
  )
}
