import { useCallback, useEffect, useState, type ReactNode, type Ref } from 'react'

import { bidiText } from '../../../../content/bidi'
import type { MppClient, MppErrorKind } from '../../../../mpp/contract/client'
import { formatAmount } from '../../../../mpp/contract/money'
import type { Bill } from '../../../../mpp/contract/schema'
import { formatDateTime } from '../../i18n/format'
import { formatRate, helpQueryKey, mailtoHref, readableRate, searchHref } from '../../lib/bills'
import { failureKind } from '../../lib/mppErrors'
import { Failure } from './Failure'
import { useFocusOnMount } from './hooks'
import { Skeleton } from './Skeleton'

type Props = {
  client: MppClient
  billId: string
  locale: string
  t: (key: string, values?: Record<string, string>, fallback?: string) => string
  onRenew: () => void
  /** Where the MPP's users write for help, with the bill's facts in the mail. */
  supportEmail: string
  /** The results page (/<tenant>/<locale>/search/), when the MPP has guides or Q&As to search. */
  searchPath?: string
}

type State = { kind: 'loading' } | { kind: 'failed'; failure: MppErrorKind } | { kind: 'ready'; bill: Bill }

/** One bill in full: both currencies, the rate, promotions, payment method and every refund. */
export function BillDetail({ client, billId, locale, t, onRenew, supportEmail, searchPath }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  const focus = useFocusOnMount<HTMLHeadingElement>()

  const load = useCallback(async () => {
    setState({ kind: 'loading' })
    try {
      setState({ kind: 'ready', bill: await client.getBill(billId) })
    } catch (error) {
      setState({ kind: 'failed', failure: failureKind(error) })
    }
  }, [client, billId])

  useEffect(() => {
    void load()
  }, [load])

  const time = (iso: string) => formatDateTime(iso, locale, { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <BillArticle t={t} headingRef={focus}>
      {state.kind === 'loading' && <BillWaiting t={t} />}
      {state.kind === 'failed' && (
        <Failure kind={state.failure} t={t} onRetry={() => (state.failure === 'unauthorized' ? onRenew() : void load())} />
      )}
      {state.kind === 'ready' && (
        <>
          <BillFacts bill={state.bill} locale={locale} t={t} time={time} />
          <BillHelp bill={state.bill} locale={locale} t={t} time={time} supportEmail={supportEmail} searchPath={searchPath} />
        </>
      )}
    </BillArticle>
  )
}

/**
 * What a bill shows while its facts are on their way: grey rows where they will be, and the
 * "Get help" heading and its line, which are the same for every bill, so they are on the screen
 * at once (the page's largest text, painted with the page, LCP) and do not move much when the
 * facts arrive above them.
 */
function BillWaiting({ t }: { t: Props['t'] }) {
  return (
    <>
      <Skeleton label={t('mpp.loading')} rows={billSkeletonRows} />
      <section className="bill-help" aria-labelledby="bill-help-heading">
        <h3 id="bill-help-heading">{t('bills.help.heading')}</h3>
        <p>{t('bills.help.intro')}</p>
      </section>
    </>
  )
}

/**
 * Fewer skeleton rows than the shortest bill's facts take, so the help below only ever moves down
 * when they arrive: moved up, more of its text would come into view, and the browser would count
 * that later paint as the page's largest (LCP) instead of the first.
 */
const billSkeletonRows = 3

/**
 * A bill as the server renders it, before scripts know which bill the fragment names: the page's
 * own script (bills/index.astro) marks the page for a bill before it paints, and the layout shows
 * this instead of the list's skeleton, so a bill's page paints as a bill from the start.
 */
export function BillDetailShell({ t }: { t: Props['t'] }) {
  return (
    <BillArticle t={t} shell>
      <BillWaiting t={t} />
    </BillArticle>
  )
}

/** A bill's frame: the way back to the list and the heading (focused when the bill opens), then the bill. */
function BillArticle({
  t,
  shell = false,
  headingRef,
  children,
}: {
  t: Props['t']
  shell?: boolean
  headingRef?: Ref<HTMLHeadingElement>
  children: ReactNode
}) {
  return (
    <article className={shell ? 'bill-detail bill-detail-shell' : 'bill-detail'} aria-labelledby="bill-detail-heading">
      <p>
        <a href="#" className="back back-to-list">
          {t('bills.detail.back')}
        </a>
      </p>
      <h2 id="bill-detail-heading" tabIndex={-1} ref={headingRef}>
        {t('bills.detail.heading')}
      </h2>
      {children}
    </article>
  )
}

function BillFacts({ bill, locale, t, time }: { bill: Bill; locale: string; t: Props['t']; time: (iso: string) => string }) {
  const { merchant, paymentMethod } = bill
  const rate = readableRate(bill.exchangeRate)
  return (
    <>
      <div className="merchant-head">
        <img src={merchant.logoUrl} alt={t('merchant.logo', { name: merchant.name })} width={48} height={48} />
        <p className="merchant-name">
          <bdi>{merchant.name}</bdi>
        </p>
      </div>
      <p className="amount-paid">
        <bdi>{formatAmount(bill.amount, locale)}</bdi>
      </p>
      <dl className="facts">
        <dt>{t('mpp.status')}</dt>
        <dd className={`status status-${bill.status}`}>{t(`bills.status.${bill.status}`)}</dd>
        <dt>{t('bills.detail.orderAmount')}</dt>
        <dd className="merchant-amount">
          <bdi>{formatAmount(bill.merchantAmount, locale)}</bdi>
        </dd>
        {rate && (
          <>
            <dt>{t('bills.detail.rate')}</dt>
            <dd className="rate">
              {/* "1 KWD = 4,500 KRW" reads left to right in every locale, as currency codes and numbers do. */}
              <bdi dir="ltr">{`1 ${rate.from} = ${formatRate(rate.rate, locale)} ${rate.to}`}</bdi>
            </dd>
          </>
        )}
        {bill.promotions.length > 0 && (
          <>
            <dt>{t('bills.detail.promotions')}</dt>
            <dd>
              <ul className="promotions">
                {bill.promotions.map((promotion) => (
                  <li key={promotion.name}>
                    <bdi>{bidiText(promotion.name, locale)}</bdi>: <bdi>−{formatAmount(promotion.amount, locale)}</bdi>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{t('bills.detail.method')}</dt>
        <dd>{t(`bills.method.${paymentMethod.type}`, { last4: paymentMethod.last4 ?? '' })}</dd>
        <dt>{t('bills.detail.time')}</dt>
        <dd>
          <time dateTime={bill.paidAt}>{time(bill.paidAt)}</time>
        </dd>
        <dt>{t('merchant.categoryLabel')}</dt>
        <dd>{t(`merchant.category.${merchant.category}`, {}, merchant.category)}</dd>
        <dt>{t('bills.detail.number')}</dt>
        <dd>
          <bdi dir="ltr" className="bill-number">
            {bill.id}
          </bdi>
        </dd>
      </dl>
      {bill.refunds.length > 0 && (
        <section aria-labelledby="bill-refunds">
          <h3 id="bill-refunds">{t('bills.detail.refunds')}</h3>
          <ul className="refunds">
            {bill.refunds.map((refund) => (
              <li key={refund.id} className="refund">
                <span className="amount">
                  <bdi>{formatAmount(refund.amount, locale)}</bdi>
                </span>
                <time dateTime={refund.refundedAt}>{time(refund.refundedAt)}</time>
                <span className="reason">{t(`bills.refund.reason.${refund.reason}`)}</span>
              </li>
            ))}
          </ul>
          <p>
            {t('bills.detail.refundedTotal')}: <bdi className="refunded-total">{formatAmount(bill.refundedAmount, locale)}</bdi>
          </p>
        </section>
      )}
    </>
  )
}

/**
 * "Get help with this bill": answers first, since most questions about a payment or a refund
 * (how long, which rate, why less) are answered at once; then a mail to the MPP, the only one who
 * can look into this bill, with its number and facts already written so nobody copies 24 digits.
 */
function BillHelp({
  bill,
  locale,
  t,
  time,
  supportEmail,
  searchPath,
}: { bill: Bill; locale: string; t: Props['t']; time: (iso: string) => string } & Pick<Props, 'supportEmail' | 'searchPath'>) {
  const facts = { number: bill.id, merchant: bill.merchant.name, amount: formatAmount(bill.amount, locale), time: time(bill.paidAt) }
  const mail = mailtoHref(supportEmail, t('bills.help.mail.subject', facts), t('bills.help.mail.body', facts))
  return (
    <section className="bill-help" aria-labelledby="bill-help-heading">
      <h3 id="bill-help-heading">{t('bills.help.heading')}</h3>
      <p>{t('bills.help.intro')}</p>
      <div className="bill-help-actions">
        {searchPath && (
          <a className="button primary" href={searchHref(searchPath, t(helpQueryKey(bill.status)))}>
            {t('bills.help.answers')}
          </a>
        )}
        <a className="button secondary" href={mail}>
          {t('bills.help.contact')}
        </a>
      </div>
    </section>
  )
}
