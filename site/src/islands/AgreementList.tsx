import { useCallback, useEffect, useRef, useState } from 'react'

import type { MppClient, MppErrorKind } from '../../../mpp/contract/client'
import { formatAmount } from '../../../mpp/contract/money'
import type { Agreement } from '../../../mpp/contract/schema'
import { formatDateTime, translate } from '../i18n/format'
import { failureKind } from '../lib/mppErrors'
import { AgreementDetail } from './parts/AgreementDetail'
import { Failure } from './parts/Failure'
import { useHashParam, useMppClient } from './parts/hooks'
import { Empty, Skeleton } from './parts/Skeleton'

/** hostOrigins: who may frame the page and answer its token requests (docs/host-bridge.md). */
type Props = { apiBaseUrl: string; locale: string; strings: Record<string, string>; hostOrigins?: string[] }

type State = { kind: 'loading' } | { kind: 'failed'; failure: MppErrorKind } | { kind: 'ready'; agreements: Agreement[] }

/** The user's auto-debit agreements from their MPP; "#agreement=<id>" opens one to cancel or authorize it. */
export default function AgreementList({ apiBaseUrl, locale, strings, hostOrigins }: Props) {
  const t = translate(strings, locale)
  const { client, renew } = useMppClient(apiBaseUrl, locale, hostOrigins)
  const agreementId = useHashParam('agreement')
  const [state, setState] = useState<State>({ kind: 'loading' })
  const generation = useRef(0)

  const load = useCallback(async (api: MppClient) => {
    const mine = ++generation.current
    setState({ kind: 'loading' })
    try {
      const { items } = await api.listAgreements()
      if (mine === generation.current) setState({ kind: 'ready', agreements: items })
    } catch (error) {
      if (mine === generation.current) setState({ kind: 'failed', failure: failureKind(error) })
    }
  }, [])

  useEffect(() => {
    if (client) void load(client)
  }, [client, load])

  const update = useCallback((change: (list: Agreement[]) => Agreement[]) => {
    setState((current) => (current.kind === 'ready' ? { kind: 'ready', agreements: change(current.agreements) } : current))
  }, [])

  if (client === undefined) return <Skeleton label={t('agreements.loading')} />
  if (client === null) return <p>{t('agreements.needsApp')}</p>
  if (state.kind === 'loading') return <Skeleton label={t('agreements.loading')} />
  if (state.kind === 'failed')
    return <Failure kind={state.failure} t={t} onRetry={() => (state.failure === 'unauthorized' ? renew() : void load(client))} />

  const open = agreementId ? state.agreements.find((agreement) => agreement.id === agreementId) : undefined
  if (agreementId && !open) return <Failure kind="not-found" t={t} onRetry={() => void load(client)} />
  if (open) return <AgreementDetail key={open.id} client={client} agreement={open} locale={locale} t={t} update={update} onRenew={renew} />
  if (!state.agreements.length) return <Empty text={t('agreements.empty')} />

  return (
    <ul className="agreements">
      {state.agreements.map((agreement) => (
        <li key={agreement.id} className={`agreement agreement-${agreement.status}`}>
          <a href={`#agreement=${encodeURIComponent(agreement.id)}`}>
            <img src={agreement.merchant.logoUrl} alt="" width={40} height={40} />
            <span className="merchant">
              <bdi>{agreement.merchant.name}</bdi>
            </span>
            <span className={`status status-${agreement.status}`}>{t(`agreements.status.${agreement.status}`)}</span>
            <span className="meta">
              {t('agreements.limit', { amount: formatAmount(agreement.paymentLimit, locale) })}
              {' · '}
              <time dateTime={agreement.cancelledAt ?? agreement.createdAt}>
                {formatDateTime(agreement.cancelledAt ?? agreement.createdAt, locale, { dateStyle: 'medium' })}
              </time>
            </span>
          </a>
        </li>
      ))}
    </ul>
  )
}
