import { createHash } from 'node:crypto'

import { minorDigits } from './money'
import type { Amount, Bill } from './schema'

/** A small deterministic generator (mulberry32) seeded from text, so demo data is the same on every run. */
export function seededRandom(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0)
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Units of each currency per US dollar: a fixed demo rate table. */
const perUsd: Record<string, number> = {
  USD: 1, HKD: 7.8, JPY: 150, KRW: 1380, SGD: 1.34, THB: 36, EUR: 0.92, KWD: 0.307, PHP: 58, IDR: 16200, MYR: 4.7, CNY: 7.2,
}

const merchants = [
  { name: 'すき家 渋谷道玄坂店', category: 'Restaurants', currency: 'JPY', typical: 900 },
  { name: '롯데마트 서울역점', category: 'Groceries', currency: 'KRW', typical: 45000 },
  { name: 'Starbucks Reserve Orchard', category: 'Cafés', currency: 'SGD', typical: 9 },
  { name: 'ร้านข้าวมันไก่ ประตูน้ำ', category: 'Restaurants', currency: 'THB', typical: 120 },
  { name: 'Café de Flore', category: 'Cafés', currency: 'EUR', typical: 14 },
  { name: 'مطعم الشاطئ', category: 'Restaurants', currency: 'KWD', typical: 6.5 },
  { name: 'Jollibee Makati', category: 'Fast food', currency: 'PHP', typical: 350 },
  { name: 'Tokopedia', category: 'Online shopping', currency: 'IDR', typical: 250000 },
  { name: '7-Eleven 台北車站', category: 'Convenience stores', currency: 'USD', typical: 6 },
  { name: 'Grab', category: 'Transport', currency: 'MYR', typical: 28 },
] as const

/** Each demo wallet's own currency; any other tenant's wallet holds US dollars. */
const walletCurrencies: Record<string, string> = { lumopay: 'HKD', hoshi: 'JPY' }
export const walletCurrency = (tenant: string): string => walletCurrencies[tenant] ?? 'USD'

/** An amount of major units in minor units; IDR amounts are whole hundreds. */
function toMinor(major: number, currency: string): Amount {
  const digits = minorDigits(currency)
  const step = currency === 'IDR' ? 100 : 1
  const value = Math.max(step, Math.round((major * 10 ** digits) / step) * step)
  return { currency, value }
}

/** Demo bills end here, so the same user sees the same bills on every run. */
const anchor = Date.UTC(2026, 10, 20, 9, 30)

/** A user's bills at one tenant, newest first: the same every time for the same tenant and user. */
export function demoBills(tenant: string, user: string, count = 45): Bill[] {
  const random = seededRandom(`${tenant}:${user}`)
  const wallet = walletCurrency(tenant)
  let time = anchor
  return Array.from({ length: count }, (_, i) => {
    const merchant = merchants[Math.floor(random() * merchants.length)]!
    time -= Math.floor(4 + random() * 60) * 3600_000 + Math.floor(random() * 3600) * 1000
    const major = merchant.typical * (0.3 + random() * 1.7)
    const merchantAmount = toMinor(major, merchant.currency)
    const amount = toMinor((major / perUsd[merchant.currency]!) * perUsd[wallet]!, wallet)
    return {
      id: `${tenant}-${user}-${String(i + 1).padStart(4, '0')}`,
      status: random() < 0.15 ? 'refunded' : 'paid',
      paidAt: new Date(time).toISOString(),
      merchant: { name: merchant.name, category: merchant.category },
      amount,
      merchantAmount,
    }
  })
}
