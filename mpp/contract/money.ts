import type { Amount } from './schema'

/** How many digits a currency has after the decimal point (JPY 0, USD 2, KWD 3), per ISO 4217 through Intl. */
export const minorDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2

/** An amount in minor units, formatted for a locale: { JPY, 1200 } is "¥1,200", { KWD, 6500 } is "KWD 6.500". */
export function formatAmount(amount: Amount, locale: string): string {
  const digits = minorDigits(amount.currency)
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: amount.currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount.value / 10 ** digits)
}
