import { useCallback, useEffect, useRef, useState } from 'react'

import type { MppClient, MppErrorKind } from '../../../mpp/contract/client'
import { formatAmount } from '../../../mpp/contract/money'
import type { BillSummary } from '../../../mpp/contract/schema'
import { formatDateTime, translate } from '../i18n/format'
import { appendPage, billFilters, groupByDay, statusesOf, type BillFilter } from '../lib/bills'
import { failureKind } from '../lib/mppErrors'
import { BillDetail, BillDetailShell } from './parts/BillDetail'
import { Failure } from './parts/Failure'
import { useHashParam, useInfiniteScroll, useMppClient } from './parts/hooks'
import { Empty, Skeleton } from './parts/Skeleton'

type Props = {
  apiBaseUrl: string
  locale: string
  strings: Record<string, string>
  /** Who may frame the page and answer its token requests (docs/host-bridge.md). */
  hostOrigins?: string[]
  /** For a bill's "Get help": the MPP's support address, and the results page if the MPP has one. */
  supportEmail: string
  searchPath?: string
}

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; failure: MppErrorKind }
  | { kind: 'ready'; bills: BillSummary[]; nextCursor: string | null; more: 'idle' | 'loading' | MppErrorKind }

/** The user's bills from their MPP, newest first by day, filtered by chips, paged by scrolling; "#bill=<id>" opens one. */
export default function BillsList({ apiBaseUrl, locale, strings, hostOrigins, supportEmail, searchPath }: Props) {
  const t = translate(strings, locale)
  const { client, renew } = useMppClient(apiBaseUrl, locale, hostOrigins)
  const billId = useHashParam('bill')
  const [filter, setFilter] = useState<BillFilter>('all')
  const [state, setState] = useState<State>({ kind: 'loading' })
  // Answers to an older filter or client arrive late sometimes; only the newest request may set state.
  const generation = useRef(0)
  const loadingMore = useRef(false)

  const loadFirst = useCallback(async (api: MppClient, chosen: BillFilter) => {
    const mine = ++generation.current
    setState({ kind: 'loading' })
    try {
      const page = await api.listBills({ status: statusesOf(chosen) })
      if (mine === generation.current) setState({ kind: 'ready', bills: page.items, nextCursor: page.nextCursor, more: 'idle' })
    } catch (error) {
      if (mine === generation.current) setState({ kind: 'failed', failure: failureKind(error) })
    }
  }, [])

  useEffect(() => {
    if (client) void loadFirst(client, filter)
  }, [client, filter, loadFirst])

  const loadMore = useCallback(async () => {
    if (!client || state.kind !== 'ready' || !state.nextCursor || loadingMore.current) return
    const mine = generation.current
    loadingMore.current = true
    setState({ ...state, more: 'loading' })
    try {
      const page = await client.listBills({ status: statusesOf(filter), cursor: state.nextCursor })
      if (mine === generation.current)
        setState({ kind: 'ready', bills: appendPage(state.bills, page.items), nextCursor: page.nextCursor, more: 'idle' })
    } catch (error) {
      if (mine === generation.current) setState({ ...state, more: failureKind(error) })
    } finally {
      loadingMore.current = false
    }
  }, [client, state, filter])

  const sentinel = useInfiniteScroll(() => {
    if (state.kind === 'ready' && state.more === 'idle') void loadMore()
  })

  // Before the token is read (and on the server): the list's skeleton, or a bill's where the page is one (bills/index.astro).
  if (client === undefined)
    return (
      <>
        <div className="bills-waiting">
          <Skeleton label={t('bills.loading')} />
        </div>
        <BillDetailShell t={t} />
      </>
    )
  if (client === null) return <p>{t('bills.needsApp')}</p>
  if (billId)
    return (
      <BillDetail
        client={client}
        billId={billId}
        locale={locale}
        t={t}
        onRenew={renew}
        supportEmail={supportEmail}
        searchPath={searchPath}
      />
    )

  // With the session over there is nothing to filter: the message says what to do instead.
  const sessionOver = state.kind === 'failed' && state.failure === 'unauthorized'
  return (
    <>
      {!sessionOver && (
        <div role="group" aria-label={t('bills.filter.label')} className="chips">
          {billFilters.map((chip) => (
            <button key={chip} type="button" className="chip" aria-pressed={chip === filter} onClick={() => setFilter(chip)}>
              {t(`bills.filter.${chip}`)}
            </button>
          ))}
        </div>
      )}
      {state.kind === 'loading' && <Skeleton label={t('bills.loading')} />}
      {state.kind === 'failed' && (
        <Failure kind={state.failure} t={t} onRetry={() => (state.failure === 'unauthorized' ? renew() : void loadFirst(client, filter))} />
      )}
      {state.kind === 'ready' && !state.bills.length && <Empty text={t(filter === 'all' ? 'bills.empty' : 'bills.emptyFilter')} />}
      {state.kind === 'ready' &&
        groupByDay(state.bills, locale).map((day) => (
          <section key={day.day} aria-label={day.label}>
            <h2 className="day">{day.label}</h2>
            <ul className="bills">
              {day.bills.map((bill) => (
                <li key={bill.id} className="bill">
                  <a href={`#bill=${encodeURIComponent(bill.id)}`}>
                    <span className="merchant">
                      <bdi>{bill.merchant.name}</bdi>
                    </span>
                    <span className="amount">
                      <bdi>{formatAmount(bill.amount, locale)}</bdi>
                    </span>
                    <span className="meta">
                      <time dateTime={bill.paidAt}>{formatDateTime(bill.paidAt, locale, { timeStyle: 'short' })}</time>
                      {' · '}
                      <bdi>{formatAmount(bill.merchantAmount, locale)}</bdi>
                      {bill.status !== 'paid' && (
                        <>
                          {' · '}
                          <span className={`status status-${bill.status}`}>{t(`bills.status.${bill.status}`)}</span>
                        </>
                      )}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      {state.kind === 'ready' && state.more !== 'idle' && state.more !== 'loading' && (
        <Failure kind={state.more} t={t} onRetry={() => (state.more === 'unauthorized' ? renew() : void loadMore())} />
      )}
      {state.kind === 'ready' && state.nextCursor && (
        <>
          <div ref={sentinel} key={state.bills.length} className="sentinel" aria-hidden="true" />
          <button type="button" className="more" disabled={state.more === 'loading'} onClick={() => void loadMore()}>
            {t(state.more === 'loading' ? 'bills.loadingMore' : 'bills.loadMore')}
          </button>
        </>
      )}
    </>
  )
}
