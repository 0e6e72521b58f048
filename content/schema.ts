/**
 * The snapshot format: one tenant's published content in every locale.
 * Export writes it, seed reads it from content/, and the site builds from it.
 */
import { z } from 'zod'

export const locales = ['en', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'th', 'vi', 'id', 'ms', 'fil', 'ar'] as const
export type Locale = (typeof locales)[number]
export const rtlLocales: readonly Locale[] = ['ar']

export const features = ['guides', 'qas', 'bills', 'agreements', 'rewards'] as const
export type Feature = (typeof features)[number]

export const products = ['online', 'in-store', 'auto-debit'] as const
export type Product = (typeof products)[number]

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens')
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c')
const locale = z.enum(locales)

/** Text in several locales; a missing locale falls back to the tenant's default. */
export const localizedText = z.partialRecord(locale, z.string().min(1))
export type LocalizedText = z.infer<typeof localizedText>

export const tenantSchema = z.object({
  slug,
  name: z.string().min(1),
  locales: z.array(locale).min(1),
  defaultLocale: locale,
  features: z.array(z.enum(features)),
  brand: z.object({
    primaryColor: hexColour,
    accentColor: hexColour,
    intro: localizedText,
  }),
  mppApiBaseUrl: z.url(),
  supportEmail: z.email(),
})
  .refine((t) => t.locales.includes(t.defaultLocale), {
    message: 'must be one of the enabled locales',
    path: ['defaultLocale'],
  })
export type Tenant = z.infer<typeof tenantSchema>

export const categorySchema = z.object({
  slug,
  order: z.number().int(),
  name: localizedText,
})
export type Category = z.infer<typeof categorySchema>

export const guideSchema = z.object({
  slug,
  product: z.enum(products),
  order: z.number().int(),
  title: localizedText,
  summary: localizedText,
  steps: z.array(z.object({ body: localizedText })).min(1),
})
export type Guide = z.infer<typeof guideSchema>

export const qaSchema = z.object({
  slug,
  category: slug,
  order: z.number().int(),
  question: localizedText,
  answer: localizedText,
})
export type Qa = z.infer<typeof qaSchema>

export const snapshotSchema = z
  .object({
    version: z.literal(1),
    tenant: tenantSchema,
    categories: z.array(categorySchema),
    guides: z.array(guideSchema),
    qas: z.array(qaSchema),
  })
  .superRefine((snapshot, ctx) => {
    const { defaultLocale } = snapshot.tenant
    const requireDefault = (text: LocalizedText, path: (string | number)[]) => {
      if (!text[defaultLocale]) ctx.addIssue({ code: 'custom', message: `needs the default locale "${defaultLocale}"`, path })
    }
    snapshot.categories.forEach((c, i) => requireDefault(c.name, ['categories', i, 'name']))
    snapshot.guides.forEach((g, i) => {
      requireDefault(g.title, ['guides', i, 'title'])
      g.steps.forEach((step, j) => requireDefault(step.body, ['guides', i, 'steps', j, 'body']))
    })
    snapshot.qas.forEach((qa, i) => {
      requireDefault(qa.question, ['qas', i, 'question'])
      requireDefault(qa.answer, ['qas', i, 'answer'])
    })
    const categories = new Set(snapshot.categories.map((c) => c.slug))
    snapshot.qas.forEach((qa, i) => {
      if (!categories.has(qa.category)) {
        ctx.addIssue({ code: 'custom', message: `unknown category "${qa.category}"`, path: ['qas', i, 'category'] })
      }
    })
  })
export type Snapshot = z.infer<typeof snapshotSchema>

/** Reads a snapshot, or throws one error naming the source and every bad field. */
export function parseSnapshot(data: unknown, source: string): Snapshot {
  const result = snapshotSchema.safeParse(data)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  throw new Error(`${source} is not a valid snapshot:\n${problems.join('\n')}`)
}
