/**
 * The MPP API's payloads as zod schemas, mirroring mpp/contract/openapi.yaml (a unit test checks that both
 * accept the same sandbox answers). The client parses every response with them, so an MPP that
 * answers garbage gives a clear error instead of a broken page. zod/mini keeps them small enough
 * to ship in the islands; the sandbox uses the same schemas for its types.
 */
import { z } from 'zod/mini'

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

export const billSchema = z.extend(billSummarySchema, {
  exchangeRate: z.object({ from: z.string(), to: z.string(), rate: z.number().check(z.positive()) }),
  promotions: z.array(z.object({ name: z.string(), amount: amountSchema })),
  paymentMethod: z.object({ type: z.enum(paymentMethods), last4: z.optional(z.string().check(z.regex(/^\d{4}$/))) }),
  refunds: z.array(z.object({ id: z.string(), amount: amountSchema, refundedAt: z.iso.datetime({ offset: true }), reason: z.string() })),
})
export type Bill = z.infer<typeof billSchema>

export const billPageSchema = z.object({
  items: z.array(billSummarySchema),
  nextCursor: z.nullable(z.string()),
})
export type BillPage = z.infer<typeof billPageSchema>

export const agreementStatuses = ['pending', 'active', 'cancelled'] as const
export type AgreementStatus = (typeof agreementStatuses)[number]

export const agreementSchema = z.object({
  id: z.string(),
  merchant: merchantSchema,
  description: z.string(),
  status: z.enum(agreementStatuses),
  createdAt: z.iso.datetime({ offset: true }),
  authorizedAt: z.nullable(z.iso.datetime({ offset: true })),
  cancelledAt: z.nullable(z.iso.datetime({ offset: true })),
  paymentLimit: amountSchema,
})
export type Agreement = z.infer<typeof agreementSchema>

export const agreementListSchema = z.object({ items: z.array(agreementSchema) })
export type AgreementList = z.infer<typeof agreementListSchema>

export const cancellationCheckSchema = z.object({
  allowed: z.boolean(),
  reason: z.optional(z.string()),
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
  description: z.string(),
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
})
export type Problem = z.infer<typeof problemSchema>
