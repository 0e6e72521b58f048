import { useEffect, useState } from 'react'

import { formatAmount } from '../../../../mpp/contract/money'
import { formatDateTime } from '../../i18n/format'
import type { Voucher } from '../../lib/rewardsApi'

type Props = { vouchers: Voucher[]; locale: string; t: (key: string, values?: Record<string, string>) => string }

/** The user's vouchers at this MPP: code, merchant, value, expiry and whether it can still be used. */
export function MyVouchers({ vouchers, locale, t }: Props) {
  const [toast, setToast] = useState<string | null>(null)
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => setToast(null), 2500)
    return () => clearTimeout(timer)
  }, [toast])
  const copy = async (code: string) => {
    try {
      await navigator.clipboard.writeText(code)
      setToast('rewards.copied')
    } catch (error) {
      console.error('[center] copying the voucher code failed', error)
      setToast('rewards.copyFailed')
    }
  }
  return (
    <section className="my-vouchers" aria-labelledby="my-vouchers">
      <h2 id="my-vouchers">{t('rewards.mine.heading')}</h2>
      {!vouchers.length && <p>{t('rewards.mine.empty')}</p>}
      <ul className="vouchers">
        {vouchers.map((voucher) => (
          <li key={voucher.code} className={`voucher voucher-${voucher.status}`}>
            <span className="value">
              {t('rewards.voucher', { amount: formatAmount(voucher.amount, locale), merchant: voucher.merchant })}
            </span>
            <span className="code">
              {t('rewards.mine.code')} <code dir="ltr">{voucher.code}</code>
              <button type="button" className="copy" onClick={() => void copy(voucher.code)}>
                {t('rewards.copy')}
              </button>
            </span>
            <span className="meta">
              {t('rewards.mine.expires', { date: formatDateTime(voucher.expiresAt, locale, { dateStyle: 'medium' }) })}
              {' · '}
              <span className={`status status-${voucher.status}`}>{t(`rewards.mine.status.${voucher.status}`)}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="toast" role="status" hidden={!toast}>
        {toast && t(toast)}
      </p>
    </section>
  )
}
