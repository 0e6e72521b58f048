import { createHash } from 'node:crypto'

import type { Locale } from '../../content/schema'
import { minorDigits } from '../contract/money'
import type { Agreement, AgreementScope, Amount, Bill, BillStatus, CancellationRefusal, Merchant, RefundReason } from '../contract/schema'
import { demoTexts, type DemoText } from './demoTexts'

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
  USD: 1,
  HKD: 7.8,
  JPY: 150,
  KRW: 1380,
  SGD: 1.34,
  THB: 36,
  EUR: 0.92,
  KWD: 0.307,
  PHP: 58,
  IDR: 16200,
  MYR: 4.7,
  CNY: 7.2,
}

type DemoMerchant = { key: string; name: string; category: string; currency: string; typical: number; colour: string }

const merchants: readonly DemoMerchant[] = [
  { key: 'sukiya', name: 'すき家 渋谷道玄坂店', category: 'restaurants', currency: 'JPY', typical: 900, colour: '#c8102e' },
  { key: 'lottemart', name: '롯데마트 서울역점', category: 'groceries', currency: 'KRW', typical: 45000, colour: '#da291c' },
  { key: 'starbucks', name: 'Starbucks Reserve Orchard', category: 'cafes', currency: 'SGD', typical: 9, colour: '#00704a' },
  { key: 'khaomangai', name: 'ร้านข้าวมันไก่ ประตูน้ำ', category: 'restaurants', currency: 'THB', typical: 120, colour: '#e07a00' },
  { key: 'flore', name: 'Café de Flore', category: 'cafes', currency: 'EUR', typical: 14, colour: '#1d3557' },
  { key: 'alshatee', name: 'مطعم الشاطئ', category: 'restaurants', currency: 'KWD', typical: 6.5, colour: '#0077b6' },
  { key: 'jollibee', name: 'Jollibee Makati', category: 'fast_food', currency: 'PHP', typical: 350, colour: '#d71920' },
  { key: 'tokopedia', name: 'Tokopedia', category: 'online_shopping', currency: 'IDR', typical: 250000, colour: '#03ac0e' },
  { key: 'seven', name: '7-Eleven 台北車站', category: 'convenience', currency: 'USD', typical: 6, colour: '#008163' },
  { key: 'grab', name: 'Grab', category: 'transport', currency: 'MYR', typical: 28, colour: '#00b14f' },
]

type DemoRefusal = { reason: CancellationRefusal; detail: DemoText }
type DemoAgreementMerchant = DemoMerchant & {
  scopes: AgreementScope[]
  description?: DemoText
  status: Agreement['status']
  refusal?: DemoRefusal
}

const agreementMerchants: readonly DemoAgreementMerchant[] = [
  {
    key: 'spotify',
    name: 'Spotify',
    category: 'streaming',
    currency: 'USD',
    typical: 12,
    colour: '#1db954',
    scopes: ['subscription'],
    description: demoTexts.spotifyPlan,
    status: 'active',
  },
  {
    key: 'tepco',
    name: '東京電力エナジーパートナー',
    category: 'utilities',
    currency: 'JPY',
    typical: 30000,
    colour: '#e60012',
    scopes: ['utility_bills'],
    description: demoTexts.tepcoPlan,
    status: 'active',
    refusal: { reason: 'merchant_managed', detail: demoTexts.tepcoRefusal },
  },
  {
    key: 'klook',
    name: 'Klook',
    category: 'travel',
    currency: 'USD',
    typical: 300,
    colour: '#ff5b00',
    scopes: ['bookings'],
    description: demoTexts.klookPlan,
    status: 'pending',
  },
  {
    key: 'grab',
    name: 'Grab',
    category: 'transport',
    currency: 'MYR',
    typical: 150,
    colour: '#00b14f',
    scopes: ['top_up', 'rides'],
    status: 'active',
  },
  {
    key: 'netflix',
    name: 'Netflix',
    category: 'streaming',
    currency: 'USD',
    typical: 20,
    colour: '#b20710',
    scopes: ['subscription'],
    description: demoTexts.netflixPlan,
    status: 'cancelled',
  },
]

/**
 * Chaba Pay (Thailand, THB): where Thai travellers pay with Alipay+. PromptPay covers paying at
 * home, so none of its bills or agreements is with a Thai merchant.
 */
const chabaMerchants: readonly DemoMerchant[] = [
  { key: 'ichiran', name: '一蘭 新宿中央東口店', category: 'restaurants', currency: 'JPY', typical: 1500, colour: '#b0101c' },
  { key: 'lawson', name: 'ローソン 京都四条烏丸店', category: 'convenience', currency: 'JPY', typical: 1200, colour: '#0068b7' },
  { key: 'rakuten', name: '楽天市場', category: 'online_shopping', currency: 'JPY', typical: 6000, colour: '#bf0000' },
  { key: 'gs25', name: 'GS25 홍대입구역점', category: 'convenience', currency: 'KRW', typical: 12000, colour: '#0072bc' },
  { key: 'emart', name: '이마트 용산점', category: 'groceries', currency: 'KRW', typical: 80000, colour: '#8a6d00' },
  { key: 'kakaot', name: '카카오 T', category: 'transport', currency: 'KRW', typical: 15000, colour: '#3c1e1e' },
  { key: 'yakun', name: 'Ya Kun Kaya Toast Changi T3', category: 'cafes', currency: 'SGD', typical: 8, colour: '#7b4b2a' },
  { key: 'haidilao', name: '海底捞火锅 上海人民广场店', category: 'restaurants', currency: 'CNY', typical: 300, colour: '#c8001e' },
  { key: 'cafedecoral', name: '大家樂 尖沙咀', category: 'fast_food', currency: 'HKD', typical: 60, colour: '#d0021b' },
  { key: 'klia', name: 'KLIA Ekspres', category: 'transport', currency: 'MYR', typical: 55, colour: '#5b2a86' },
]

const chabaAgreementMerchants: readonly DemoAgreementMerchant[] = [
  {
    key: 'grab-sg',
    name: 'Grab Singapore',
    category: 'transport',
    currency: 'SGD',
    typical: 60,
    colour: '#00b14f',
    scopes: ['rides'],
    description: demoTexts.grabPlan,
    status: 'active',
  },
  {
    key: 'kt-esim',
    name: 'KT 로밍 eSIM',
    category: 'utilities',
    currency: 'KRW',
    typical: 33000,
    colour: '#e60028',
    scopes: ['subscription'],
    description: demoTexts.esimPlan,
    status: 'active',
    refusal: { reason: 'merchant_managed', detail: demoTexts.esimRefusal },
  },
  // Klook's pending booking agreement, the same as the other wallets'.
  ...agreementMerchants.filter((m) => m.key === 'klook'),
  {
    key: 'tmoney',
    name: 'T-money',
    category: 'transport',
    currency: 'KRW',
    typical: 50000,
    colour: '#e85d04',
    scopes: ['top_up'],
    description: demoTexts.tmoneyPlan,
    status: 'active',
  },
  {
    key: 'ninjawifi',
    name: 'NINJA WiFi',
    category: 'travel',
    currency: 'JPY',
    typical: 8000,
    colour: '#1a237e',
    scopes: ['bookings'],
    description: demoTexts.wifiPlan,
    status: 'cancelled',
  },
]

/** Every demo logo the sandbox serves, by key: a merchant's, or a wallet's under "wallet-<tenant>". */
export const logoColours: Record<string, string> = Object.fromEntries(
  [...merchants, ...agreementMerchants, ...chabaMerchants, ...chabaAgreementMerchants].map((m) => [m.key, m.colour]),
)

/**
 * Each demo wallet's own currency and name (and, where it has one, its name in a locale's script),
 * and where its users pay when they are not the shared demo merchants; any other tenant's wallet
 * holds US dollars.
 */
const wallets: Record<
  string,
  {
    currency: string
    name: string
    phone: string
    localNames?: Partial<Record<Locale, string>>
    merchants?: readonly DemoMerchant[]
    agreements?: readonly DemoAgreementMerchant[]
  }
> = {
  lumopay: { currency: 'HKD', name: 'LumoPay', phone: '+852' },
  hoshi: { currency: 'JPY', name: 'Hoshi Wallet', phone: '+81' },
  nakhla: { currency: 'KWD', name: 'Nakhla Pay', phone: '+965', localNames: { ar: 'نخلة باي' } },
  chaba: {
    currency: 'THB',
    name: 'Chaba Pay',
    phone: '+66',
    localNames: { th: 'ชบาเพย์' },
    merchants: chabaMerchants,
    agreements: chabaAgreementMerchants,
  },
}
export const walletCurrency = (tenant: string): string => wallets[tenant]?.currency ?? 'USD'
/** The wallet's name as its users know it in a locale: a brand name, written in the locale's script where the wallet has one. */
export const walletName = (tenant: string, locale: Locale = 'en'): string =>
  wallets[tenant]?.localNames?.[locale] ?? wallets[tenant]?.name ?? tenant

/** A user's wallet account as the authorization step shows it: country code and the last four digits only. */
export function maskedAccount(tenant: string, user: string): string {
  const digits = String(Math.floor(seededRandom(`account:${tenant}:${user}`)() * 10_000)).padStart(4, '0')
  return `${wallets[tenant]?.phone ?? '+1'} ****${digits}`
}

/** An amount of major units in minor units; IDR amounts are whole hundreds. */
function toMinor(major: number, currency: string): Amount {
  const digits = minorDigits(currency)
  const step = currency === 'IDR' ? 100 : 1
  const value = Math.max(step, Math.round((major * 10 ** digits) / step) * step)
  return { currency, value }
}

/** The status that the refunds so far give a bill of this amount. */
export function refundStatus(amount: number, refunded: number): BillStatus {
  if (refunded <= 0) return 'paid'
  return refunded >= amount ? 'refunded' : 'partially_refunded'
}

const merchantOf = (m: DemoMerchant, logoBase: string): Merchant => ({
  name: m.name,
  category: m.category,
  logoUrl: `${logoBase}${m.key}.svg`,
})

/** Demo bills end here, so the same user sees the same bills on every run. */
const anchor = Date.UTC(2026, 10, 20, 9, 30)
const hour = 3600_000

const refundReasons: readonly RefundReason[] = ['out_of_stock', 'merchant_cancelled', 'price_adjustment', 'returned_goods']

/** Digits drawn from a seed: the same every run. */
const digits = (seed: string, length: number): string => {
  const random = seededRandom(seed)
  return Array.from({ length }, () => Math.floor(random() * 10)).join('')
}

/**
 * A transaction number as wallets print them: the day it was made (UTC), four digits for the
 * wallet, then twelve digits ("20261119" "4817" "302958174620"), unique per tenant, user and bill.
 */
const transactionNumber = (time: number, tenant: string, seed: string): string =>
  `${new Date(time).toISOString().slice(0, 10).replaceAll('-', '')}${digits(`wallet:${tenant}`, 4)}${digits(seed, 12)}`

/** Demo users whose id starts with "new-" have never paid abroad with their wallet: no bills, and eligible for new-user rewards. */
export const isNewDemoUser = (user: string): boolean => user.startsWith('new-')

/**
 * A user's bills at one tenant, newest first, in full: the same every time for the same tenant
 * and user. Logo URLs start with `logoBase` (the sandbox's logo folder for the tenant).
 */
export function demoBills(
  tenant: string,
  user: string,
  logoBase = `http://localhost:4010/${tenant}/sandbox/logos/`,
  count = 45,
  locale: Locale = 'en',
): Bill[] {
  const random = seededRandom(`${tenant}:${user}`)
  const wallet = walletCurrency(tenant)
  const pool = wallets[tenant]?.merchants ?? merchants
  let time = anchor
  return Array.from({ length: isNewDemoUser(user) ? 0 : count }, (_, i): Bill => {
    const merchant = pool[Math.floor(random() * pool.length)]!
    time -= Math.floor(4 + random() * 60) * hour + Math.floor(random() * 3600) * 1000
    const major = merchant.typical * (0.3 + random() * 1.7)
    const merchantAmount = toMinor(major, merchant.currency)
    const rate = perUsd[wallet]! / perUsd[merchant.currency]!
    const gross = toMinor(major * rate, wallet)
    const promotions =
      random() < 0.25
        ? [{ name: demoTexts.welcomeOffer[locale], amount: { currency: wallet, value: Math.max(1, Math.floor(gross.value * 0.1)) } }]
        : []
    const amount = { currency: wallet, value: gross.value - promotions.reduce((sum, p) => sum + p.amount.value, 0) }
    const method = random()
    const last4 = String(Math.floor(random() * 10_000)).padStart(4, '0')
    const paymentMethod =
      method < 0.5 ? { type: 'balance' as const } : { type: method < 0.8 ? ('card' as const) : ('bank_account' as const), last4 }
    const refundDraw = random()
    const shares = refundDraw < 0.1 ? [1] : refundDraw < 0.16 ? [0.3] : refundDraw < 0.2 ? [0.25, 0.25] : []
    const id = transactionNumber(time, tenant, `bill:${tenant}:${user}:${i}`)
    const refunds = shares.map((share, n) => ({
      id: transactionNumber(time + (n + 1) * 26 * hour, tenant, `refund:${id}:${n}`),
      amount: { currency: wallet, value: share === 1 ? amount.value : Math.max(1, Math.floor(amount.value * share)) },
      refundedAt: new Date(time + (n + 1) * 26 * hour).toISOString(),
      reason: refundReasons[(i + n) % refundReasons.length]!,
    }))
    const refunded = refunds.reduce((sum, r) => sum + r.amount.value, 0)
    return {
      id,
      status: refundStatus(amount.value, refunded),
      paidAt: new Date(time).toISOString(),
      merchant: merchantOf(merchant, logoBase),
      amount,
      merchantAmount,
      refundedAmount: { currency: wallet, value: refunded },
      exchangeRate: { from: merchant.currency, to: wallet, rate: Number(rate.toPrecision(6)) },
      promotions,
      paymentMethod,
      refunds,
    }
  })
}

/** An agreement as the sandbox keeps it: its free texts in every locale, worded per request by `agreementIn`. */
export type DemoAgreement = { agreement: Agreement; description?: DemoText; refusal?: DemoRefusal; merchantUrl: string }

/** An agreement with its description in one locale. */
export const agreementIn = ({ agreement, description }: DemoAgreement, locale: Locale): Agreement =>
  description ? { ...agreement, description: description[locale] } : agreement

/** A user's auto-debit agreements at one tenant, newest first, as they start: one pending, one cancelled, one the merchant will not let the wallet cancel. */
export function demoAgreements(tenant: string, user: string, logoBase = `http://localhost:4010/${tenant}/sandbox/logos/`): DemoAgreement[] {
  const random = seededRandom(`agreements:${tenant}:${user}`)
  const wallet = walletCurrency(tenant)
  let time = anchor
  return (wallets[tenant]?.agreements ?? agreementMerchants).map((merchant, i) => {
    time -= Math.floor(5 + random() * 40) * 24 * hour
    const createdAt = new Date(time).toISOString()
    const limit = toMinor((merchant.typical / perUsd[merchant.currency]!) * perUsd[wallet]! * 2, wallet)
    return {
      agreement: {
        id: `${tenant}-${user}-ag${i + 1}`,
        merchant: merchantOf(merchant, logoBase),
        scopes: merchant.scopes,
        status: merchant.status,
        createdAt,
        authorizedAt: merchant.status === 'pending' ? null : createdAt,
        cancelledAt: merchant.status === 'cancelled' ? new Date(time + 20 * 24 * hour).toISOString() : null,
        paymentLimit: limit,
      },
      description: merchant.description,
      refusal: merchant.refusal,
      merchantUrl: `https://${merchant.key}.merchant.example/account/payments`,
    }
  })
}

/** A round demo logo: the brand colour and the name's first letter. */
export function logoSvg(key: string): string | null {
  const colour = logoColours[key] ?? (key.startsWith('wallet-') ? '#0b5cad' : null)
  if (!colour) return null
  const letter = (key.startsWith('wallet-') ? key.slice(7) : key).charAt(0).toUpperCase()
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="32" fill="${colour}"/><text x="32" y="42" font-family="sans-serif" font-size="30" font-weight="700" fill="#fff" text-anchor="middle">${letter}</text></svg>`
}
