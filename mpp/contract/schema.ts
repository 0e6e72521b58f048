/**
 * The MPP API's payloads as zod schemas, mirroring mpp/contract/openapi.yaml (a unit test checks that both
 * accept the same sandbox answers). The client parses every response with them, so an MPP that
 * answers garbage gives a clear error instead of a broken page. zod/mini keeps them small enough
 * to ship in the islands; the sandbox uses the same schemas for its types.
 *
 * Display texts come in two kinds. What can be listed (statuses, refund reasons, agreement scopes,
 * refusals, categories, payment methods) is a code that the Center words from its own dictionaries;
 * what only the MPP knows (a plan's description, a promotion's name, a refusal's details, the
 * wallet's name) is free text in the locale the MPP answered in (`Content-Language`), the best
 * match it has for the request's `Accept-Language`.
 */
import { z } from '../../content/zod'

export const amountSchema = z.object({
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  value: z.int(),
})
export type Amount = z.infer<typeof amountSchema>

/** A bill's state: `partially_refunded` once some but not all of it has been refunded, `refunded` once all of it has. */
export const billStatuses = ['paid', 'partially_refunded', 'refunded'] as const
export type BillStatus = (typeof billStatuses)[number]

export const merchantSchema = z.object({
  name: z.string(),
  category: z.string(),
  logoUrl: z.url(),
})
export type Merchant = z.infer<typeof merchantSchema>

export const billSummarySchema = z.object({
  id: z.string(),
  status: z.enum(billStatuses),
  paidAt: z.iso.datetime({ offset: true }),
  merchant: merchantSchema,
  amount: amountSchema,
  merchantAmount: amountSchema,
  refundedAmount: amountSchema,
})
export type BillSummary = z.infer<typeof billSummarySchema>

export const paymentMethods = ['balance', 'card', 'bank_account'] as const

/** Why a merchant refunded: a code the Center words in the user's language. */
export const refundReasons = [
  'out_of_stock',
  'merchant_cancelled',
  'price_adjustment',
  'returned_goods',
  'duplicate_payment',
  'other',
] as const
export type RefundReason = (typeof refundReasons)[number]

export const billSchema = z.extend(billSummarySchema, {
  exchangeRate: z.object({ from: z.string(), to: z.string(), rate: z.number().check(z.positive()) }),
  promotions: z.array(z.object({ name: z.string(), amount: amountSchema })),
  paymentMethod: z.object({ type: z.enum(paymentMethods), last4: z.optional(z.string().check(z.regex(/^\d{4}$/))) }),
  refunds: z.array(
    z.object({ id: z.string(), amount: amountSchema, refundedAt: z.iso.datetime({ offset: true }), reason: z.enum(refundReasons) }),
  ),
})
export type Bill = z.infer<typeof billSchema>

export const billPageSchema = z.object({
  items: z.array(billSummarySchema),
  nextCursor: z.nullable(z.string()),
})
export type BillPage = z.infer<typeof billPageSchema>

export const agreementStatuses = ['pending', 'active', 'cancelled'] as const
export type AgreementStatus = (typeof agreementStatuses)[number]

/** What an agreement lets the merchant charge for: codes the Center words in the user's language. */
export const agreementScopes = ['subscription', 'utility_bills', 'bookings', 'rides', 'top_up', 'in_app_purchases'] as const
export type AgreementScope = (typeof agreementScopes)[number]

export const agreementSchema = z.object({
  id: z.string(),
  merchant: merchantSchema,
  scopes: z.array(z.enum(agreementScopes)).check(z.minLength(1)),
  /** The merchant's own words for the plan ("Premium Family"), in the answer's Content-Language; none if the scopes say it all. */
  description: z.optional(z.string()),
  status: z.enum(agreementStatuses),
  createdAt: z.iso.datetime({ offset: true }),
  authorizedAt: z.nullable(z.iso.datetime({ offset: true })),
  cancelledAt: z.nullable(z.iso.datetime({ offset: true })),
  paymentLimit: amountSchema,
})
export type Agreement = z.infer<typeof agreementSchema>

export const agreementListSchema = z.object({ items: z.array(agreementSchema) })
export type AgreementList = z.infer<typeof agreementListSchema>

/** Why the wallet cannot cancel an agreement itself: a code the Center words in the user's language. */
export const cancellationRefusals = ['merchant_managed', 'outstanding_payment', 'minimum_term', 'other'] as const
export type CancellationRefusal = (typeof cancellationRefusals)[number]

export const cancellationCheckSchema = z.object({
  allowed: z.boolean(),
  reason: z.optional(z.enum(cancellationRefusals)),
  /** The merchant's details about the refusal, in the answer's Content-Language. */
  detail: z.optional(z.string()),
  merchantUrl: z.optional(z.url()),
})
export type CancellationCheck = z.infer<typeof cancellationCheckSchema>

export const cancelReasons = ['too_expensive', 'not_used', 'switched_service', 'missing_features', 'other'] as const
export type CancelReason = (typeof cancelReasons)[number]

export const authorizationSchema = z.object({
  agreementId: z.string(),
  merchant: merchantSchema,
  wallet: z.object({ name: z.string(), logoUrl: z.url() }),
  maskedAccount: z.string(),
  scopes: z.array(z.enum(agreementScopes)).check(z.minLength(1)),
  description: z.optional(z.string()),
  paymentLimit: amountSchema,
  termsUrl: z.url(),
})
export type Authorization = z.infer<typeof authorizationSchema>

/** Whether the user is new to cross-border payments with this MPP, which new-user rewards require. */
export const eligibilitySchema = z.object({
  newUser: z.boolean(),
  crossBorderPayments: z.int().check(z.nonnegative()),
})
export type Eligibility = z.infer<typeof eligibilitySchema>

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  code: z.optional(z.string()),
  merchantUrl: z.optional(z.url()),
  /** With a refused cancellation: why, as a code; `detail` then holds the merchant's words in the answer's Content-Language. */
  refusal: z.optional(z.enum(cancellationRefusals)),
})
export type Problem = z.infer<typeof problemSchema>
