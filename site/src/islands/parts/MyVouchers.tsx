import { formatAmount } from '../../../../mpp/contract/money'
import type { Voucher } from '../../lib/rewardsApi'

type Props = { vouchers: Voucher[]; locale: string; t: (key: string, values?: Record<string, string>) => string }

/** The user's vouchers at this MPP: code, merchant, value, expiry and whether it can still be used. */
export function MyVouchers({ vouchers, locale, t }: Props) {
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
              {t('rewards.mine.code')} <code>{voucher.code}</code>
            </span>
            <span className="meta">
              {t('rewards.mine.expires', { date: new Date(voucher.expiresAt).toLocaleDateString(locale, { dateStyle: 'medium' }) })}
              {' · '}
              <span className={`status status-${voucher.status}`}>{t(`rewards.mine.status.${voucher.status}`)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
