import { useRef, useState } from 'react'

import { bidiText } from '../../../../content/bidi'
import { MppError, type MppClient, type MppErrorKind } from '../../../../mpp/contract/client'
import { formatAmount } from '../../../../mpp/contract/money'
import {
  cancelReasons,
  type Agreement,
  type AgreementScope,
  type Authorization,
  type CancellationRefusal,
  type CancelReason,
} from '../../../../mpp/contract/schema'
import { formatDateTime } from '../../i18n/format'
import { authorizedNow, cancelledNow, newIdempotencyKey, optimistic } from '../../lib/agreements'
import { failureKind } from '../../lib/mppErrors'
import { Failure } from './Failure'
import { useFocusOnMount } from './hooks'
import { StateIcon } from './StateIcon'

type T = (key: string, values?: Record<string, string>, fallback?: string) => string

type Props = {
  client: MppClient
  agreement: Agreement
  locale: string
  t: T
  update: (change: (list: Agreement[]) => Agreement[]) => void
  onRenew: () => void
}

type Step =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'refused'; reason?: CancellationRefusal; detail?: string; merchantUrl?: string }
  | { step: 'survey' }
  | { step: 'confirm' }
  | { step: 'sending' }
  | { step: 'cancelled' }
  | { step: 'loading-authorization' }
  | { step: 'authorize'; authorization: Authorization }
  | { step: 'authorized' }
  | { step: 'failed'; failure: MppErrorKind; retry: () => void }

/** One agreement: its facts, and the cancel (pre-check, survey, confirmation) and authorize flows. */
export function AgreementDetail({ client, agreement, locale, t, update, onRenew }: Props) {
  const [flow, setFlow] = useState<Step>({ step: 'idle' })
  const [reason, setReason] = useState<CancelReason | null>(null)
  const [comment, setComment] = useState('')
  const [accepted, setAccepted] = useState(false)
  // One key per user action: a double click or a retry of the same action must not act twice.
  const actionKey = useRef<string | null>(null)
  const busy = useRef(false)
  const focus = useFocusOnMount<HTMLHeadingElement>()
  const merchant = agreement.merchant.name
  const date = (iso: string) => formatDateTime(iso, locale, { dateStyle: 'medium', timeStyle: 'short' })

  const fail = (error: unknown, retry: () => void) => {
    const failure = failureKind(error)
    if (failure === 'refused' && error instanceof MppError && error.merchantUrl) {
      setFlow({ step: 'refused', reason: error.refusal, detail: error.message, merchantUrl: error.merchantUrl })
    } else {
      setFlow({ step: 'failed', failure, retry: failure === 'unauthorized' ? onRenew : retry })
    }
  }

  const check = async () => {
    setFlow({ step: 'checking' })
    try {
      const answer = await client.checkCancellation(agreement.id)
      setFlow(
        answer.allowed
          ? { step: 'survey' }
          : { step: 'refused', reason: answer.reason, detail: answer.detail, merchantUrl: answer.merchantUrl },
      )
    } catch (error) {
      fail(error, () => void check())
    }
  }

  const settle = async (guess: Agreement, send: (key: string) => Promise<Agreement>, done: Step) => {
    if (busy.current) return
    busy.current = true
    actionKey.current ??= newIdempotencyKey()
    const key = actionKey.current
    setFlow({ step: 'sending' })
    try {
      await optimistic(update, agreement, guess, () => send(key))
      actionKey.current = null
      setFlow(done)
    } catch (error) {
      fail(error, () => void settle(guess, send, done))
    } finally {
      busy.current = false
    }
  }

  const cancel = () =>
    settle(
      cancelledNow(agreement, new Date()),
      (key) => client.cancelAgreement(agreement.id, { reason: reason ?? 'other', comment: comment || undefined }, key),
      { step: 'cancelled' },
    )

  const loadAuthorization = async () => {
    setFlow({ step: 'loading-authorization' })
    try {
      setFlow({ step: 'authorize', authorization: await client.getAuthorization(agreement.id) })
    } catch (error) {
      fail(error, () => void loadAuthorization())
    }
  }

  const authorize = () =>
    settle(authorizedNow(agreement, new Date()), (key) => client.authorizeAgreement(agreement.id, key), { step: 'authorized' })

  return (
    <article className="agreement-detail" aria-labelledby="agreement-heading">
      <p>
        <a href="#" className="back back-to-list">
          {t('agreements.back')}
        </a>
      </p>
      <div className="merchant-head">
        <img src={agreement.merchant.logoUrl} alt={t('merchant.logo', { name: merchant })} width={48} height={48} />
        <h2 id="agreement-heading" className="merchant-name" tabIndex={-1} ref={focus}>
          <bdi>{merchant}</bdi>
        </h2>
      </div>
      <dl className="facts">
        <dt>{t('agreements.authorize.what')}</dt>
        <dd>
          <Scopes scopes={agreement.scopes} description={agreement.description} locale={locale} t={t} />
        </dd>
        <dt>{t('mpp.status')}</dt>
        <dd className={`status status-${agreement.status}`}>{t(`agreements.status.${agreement.status}`)}</dd>
        <dt>{t('agreements.authorize.limit')}</dt>
        <dd>
          <bdi>{formatAmount(agreement.paymentLimit, locale)}</bdi>
        </dd>
        <dt>{t('merchant.categoryLabel')}</dt>
        <dd>{t(`merchant.category.${agreement.merchant.category}`, {}, agreement.merchant.category)}</dd>
        <dt>{t('agreements.created')}</dt>
        <dd>
          <time dateTime={agreement.createdAt}>{date(agreement.createdAt)}</time>
        </dd>
        {agreement.authorizedAt && (
          <>
            <dt>{t('agreements.authorizedAt')}</dt>
            <dd>
              <time dateTime={agreement.authorizedAt}>{date(agreement.authorizedAt)}</time>
            </dd>
          </>
        )}
        {agreement.cancelledAt && (
          <>
            <dt>{t('agreements.cancelledAt')}</dt>
            <dd>
              <time dateTime={agreement.cancelledAt}>{date(agreement.cancelledAt)}</time>
            </dd>
          </>
        )}
      </dl>

      {flow.step === 'idle' && agreement.status === 'active' && (
        <button type="button" onClick={() => void check()}>
          {t('agreements.cancel')}
        </button>
      )}
      {flow.step === 'idle' && agreement.status === 'pending' && (
        <button type="button" onClick={() => void loadAuthorization()}>
          {t('agreements.enable')}
        </button>
      )}
      {(flow.step === 'checking' || flow.step === 'loading-authorization' || flow.step === 'sending') && (
        <p role="status">{t(flow.step === 'checking' ? 'agreements.checking' : 'mpp.loading')}</p>
      )}
      {flow.step === 'refused' && (
        <section role="alert" className="refused">
          <h3>{t('agreements.refused.heading')}</h3>
          <p>{t('agreements.refused.text', { merchant })}</p>
          {flow.reason && <p>{t(`agreements.refused.reason.${flow.reason}`)}</p>}
          {flow.detail && <p className="refusal-detail">{bidiText(flow.detail, locale)}</p>}
          {flow.merchantUrl && (
            <p>
              <a href={flow.merchantUrl} rel="noopener noreferrer" target="_blank">
                {t('agreements.refused.link', { merchant })}
              </a>
            </p>
          )}
        </section>
      )}
      {flow.step === 'survey' && (
        <form
          className="survey"
          onSubmit={(event) => {
            event.preventDefault()
            setFlow({ step: 'confirm' })
          }}
        >
          <fieldset>
            <legend>{t('agreements.survey.heading')}</legend>
            {cancelReasons.map((option) => (
              <label key={option} className="choice">
                <input type="radio" name="reason" value={option} checked={reason === option} onChange={() => setReason(option)} required />
                {t(`agreements.survey.${option}`)}
              </label>
            ))}
          </fieldset>
          <label className="comment">
            {t('agreements.survey.comment')}
            <textarea value={comment} maxLength={500} rows={3} onChange={(event) => setComment(event.target.value)} />
          </label>
          <div className="actions">
            <button type="submit">{t('agreements.survey.next')}</button>
            <button type="button" onClick={() => setFlow({ step: 'idle' })}>
              {t('agreements.confirm.no')}
            </button>
          </div>
        </form>
      )}
      {flow.step === 'confirm' && (
        <section className="confirm" aria-labelledby="confirm-heading">
          <h3 id="confirm-heading">{t('agreements.confirm.heading')}</h3>
          <p>{t('agreements.confirm.text', { merchant })}</p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => void cancel()}>
              {t('agreements.confirm.yes')}
            </button>
            <button type="button" onClick={() => setFlow({ step: 'idle' })}>
              {t('agreements.confirm.no')}
            </button>
          </div>
        </section>
      )}
      {flow.step === 'cancelled' && (
        <div className="state done">
          <StateIcon name="success" />
          <p role="status">{t('agreements.done.cancelled', { merchant })}</p>
          <a href="#" className="button">
            {t('agreements.back')}
          </a>
        </div>
      )}
      {flow.step === 'authorize' && (
        <AuthorizationStep
          authorization={flow.authorization}
          accepted={accepted}
          onAccept={setAccepted}
          onConfirm={() => void authorize()}
          onCancel={() => setFlow({ step: 'idle' })}
          locale={locale}
          t={t}
        />
      )}
      {flow.step === 'authorized' && (
        <div role="status" className="state done">
          <StateIcon name="success" />
          <p>{t('agreements.done.authorized', { merchant })}</p>
          <button type="button" onClick={() => setFlow({ step: 'idle' })}>
            {t('agreements.done.viewDetails')}
          </button>
        </div>
      )}
      {flow.step === 'failed' && <Failure kind={flow.failure} t={t} onRetry={flow.retry} />}
    </article>
  )
}

type StepProps = {
  authorization: Authorization
  accepted: boolean
  onAccept: (value: boolean) => void
  onConfirm: () => void
  onCancel: () => void
  locale: string
  t: T
}

/** The authorization page the user approves: both logos, the masked account, what is authorized and the terms, unticked. */
function AuthorizationStep({ authorization, accepted, onAccept, onConfirm, onCancel, locale, t }: StepProps) {
  const { merchant, wallet } = authorization
  return (
    <section className="authorization" aria-labelledby="authorization-heading">
      <h3 id="authorization-heading">{t('agreements.authorize.heading')}</h3>
      <div className="logos">
        <img src={merchant.logoUrl} alt={t('merchant.logo', { name: merchant.name })} width={56} height={56} />
        <span aria-hidden="true">⇄</span>
        <img src={wallet.logoUrl} alt={t('merchant.logo', { name: wallet.name })} width={56} height={56} />
      </div>
      <p className="merchant-name">
        <bdi>{merchant.name}</bdi>
      </p>
      <dl className="facts">
        <dt>{t('agreements.authorize.account')}</dt>
        <dd>
          {/* "+965 ****9283" as written: a phone number reads left to right in every locale. */}
          <bdi dir="ltr" className="masked-account">
            {authorization.maskedAccount}
          </bdi>
        </dd>
        <dt>{t('agreements.authorize.what')}</dt>
        <dd>
          <Scopes scopes={authorization.scopes} description={authorization.description} locale={locale} t={t} />
        </dd>
        <dt>{t('agreements.authorize.limit')}</dt>
        <dd>
          <bdi>{formatAmount(authorization.paymentLimit, locale)}</bdi>
        </dd>
      </dl>
      <p>
        <a href={authorization.termsUrl} rel="noopener noreferrer" target="_blank">
          {t('agreements.authorize.terms')}
        </a>
      </p>
      <label className="choice">
        <input type="checkbox" checked={accepted} onChange={(event) => onAccept(event.target.checked)} />
        {t('agreements.authorize.accept')}
      </label>
      <div className="actions">
        <button type="button" disabled={!accepted} onClick={onConfirm}>
          {t('agreements.authorize.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('agreements.authorize.cancel')}
        </button>
      </div>
    </section>
  )
}

/** What an agreement pays for: its scopes in the Center's words, then the merchant's own description (in the MPP's answer language). */
function Scopes({ scopes, description, locale, t }: { scopes: readonly AgreementScope[]; description?: string; locale: string; t: T }) {
  return (
    <>
      <ul className="scopes">
        {scopes.map((scope) => (
          <li key={scope}>{t(`agreements.scope.${scope}`)}</li>
        ))}
      </ul>
      {description && <p className="plan">{bidiText(description, locale)}</p>}
    </>
  )
}
