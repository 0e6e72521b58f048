import { useCallback, useEffect, useState } from 'react'

import { createMppClient, MppError, type MppClient } from '../../../mpp/client'
import { formatAmount } from '../../../mpp/money'
import type { BillSummary as Bill } from '../../../mpp/schema'
import { takeToken } from '../lib/token'

type Props = { apiBaseUrl: string; locale: string; strings: Record<string, string> }

type State =
  | { kind: 'loading' }
  | { kind: 'no-token' }
  | { kind: 'error'; reason: 'unauthorized' | 'unavailable' }
  | { kind: 'ready'; bills: Bill[]; nextCursor: string | null; loadingMore: boolean }

/** The user's bills from their MPP, newest first, with "show more" paging. */
export default function BillsList({ apiBaseUrl, locale, strings }: Props) {
  const [client, setClient] = useState<MppClient | null>(null)
  const [state, setState] = useState<State>({ kind: 'loading' })

  const load = useCallback(
    async (api: MppClient, cursor: string | null, previous: Bill[]) => {
      try {
        const page = await api.listBills({ cursor })
        setState({ kind: 'ready', bills: [...previous, ...page.items], nextCursor: page.nextCursor, loadingMore: false })
      } catch (error) {
        const reason = error instanceof MppError && error.kind === 'unauthorized' ? 'unauthorized' : 'unavailable'
        setState({ kind: 'error', reason })
      }
    },
    [],
  )

  useEffect(() => {
    const token = takeToken()
    if (!token) return setState({ kind: 'no-token' })
    const api = createMppClient({ baseUrl: apiBaseUrl, token })
    setClient(api)
    void load(api, null, [])
  }, [apiBaseUrl, load])

  if (state.kind === 'loading') return <p role="status">{strings['bills.loading']}</p>
  if (state.kind === 'no-token') return <p>{strings['bills.needsApp']}</p>
  if (state.kind === 'error') {
    return (
      <div role="alert">
        <p>{strings[`bills.error.${state.reason}`]}</p>
        {state.reason === 'unavailable' && client && (
          <button type="button" onClick={() => { setState({ kind: 'loading' }); void load(client, null, []) }}>
            {strings['bills.retry']}
          </button>
        )}
      </div>
    )
  }
  if (!state.bills.length) return <p>{strings['bills.empty']}</p>

  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <>
      <ul className="bills">
        {state.bills.map((bill) => (
          <li key={bill.id} className="bill">
            <span className="merchant">{bill.merchant.name}</span>
            <span className="amount">{formatAmount(bill.amount, locale)}</span>
            <span className="meta">
              <time dateTime={bill.paidAt}>{dateFormat.format(new Date(bill.paidAt))}</time>
              {' · '}
              {formatAmount(bill.merchantAmount, locale)}
              {' · '}
              <span className={`status status-${bill.status}`}>{strings[`bills.status.${bill.status}`]}</span>
            </span>
          </li>
        ))}
      </ul>
      {state.nextCursor && (
        <button
          type="button"
          className="more"
          disabled={state.loadingMore}
          onClick={() => {
            if (!client) return
            setState({ ...state, loadingMore: true })
            void load(client, state.nextCursor, state.bills)
          }}
        >
          {strings['bills.loadMore']}
        </button>
      )}
    </>
  )
}
