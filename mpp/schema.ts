/**
 * The MPP API's payloads as zod schemas, mirroring mpp/openapi.yaml. The client parses every
 * response with them, so an MPP that answers garbage gives a clear error instead of a broken page.
 */
import { z } from 'zod'

export const amountSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  value: z.number().int(),
})
export type Amount = z.infer<typeof amountSchema>

export const billStatuses = ['paid', 'refunded'] as const
export type BillStatus = (typeof billStatuses)[number]

export const billSchema = z.object({
  id: z.string(),
  status: z.enum(billStatuses),
  paidAt: z.iso.datetime(),
  merchant: z.object({ name: z.string(), category: z.string() }),
  amount: amountSchema,
  merchantAmount: amountSchema,
})
export type Bill = z.infer<typeof billSchema>

export const billPageSchema = z.object({
  items: z.array(billSchema),
  nextCursor: z.string().nullable(),
})
export type BillPage = z.infer<typeof billPageSchema>

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
})
export type Problem = z.infer<typeof problemSchema>
