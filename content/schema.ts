/**
 * The snapshot format: one tenant's published content in every locale.
 * Export writes it, seed reads it from content/, and the site builds from it.
 */
import { z } from 'zod'

import { features, locales, products, type Locale } from './vocabulary'

export { features, locales, products, rtlLocales, type Feature, type Locale, type Product } from './vocabulary'

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens')
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c')
const locale = z.enum(locales)

/** Text in several locales; a missing locale falls back to the tenant's default. */
export const localizedText = z.partialRecord(locale, z.string().min(1))
export type LocalizedText = z.infer<typeof localizedText>

/**
 * Rich text in several locales, written as Markdown (paragraphs, **bold**, _italic_, lists,
 * [links](https://...)). The CMS stores it as Lexical rich text; raw HTML is never rendered.
 */
export const localizedMarkdown = localizedText

/** Short phrases in several locales (alternative phrasings, keywords): they feed the ask box. */
export const localizedList = z.partialRecord(locale, z.array(z.string().min(1)))
export type LocalizedList = z.infer<typeof localizedList>

/** An amount of money in the currency's minor units (JPY 0 digits, USD 2, KWD 3). */
export const amountSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like USD'),
  value: z.number().int().nonnegative(),
})

/** A file name in the media folder: no folders, nothing a URL or a shell would read differently. */
const mediaFile = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.(?:png|jpe?g|webp|svg)$/, 'must be a file name like scan-qr.png')

/** An image in the tenant's media folder, with its intrinsic size (no layout shift) and smaller renditions. */
export const mediaSchema = z.object({
  file: mediaFile,
  alt: localizedText,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Narrower copies of a raster image, for `srcset`. */
  sizes: z.array(z.object({ file: mediaFile, width: z.number().int().positive(), height: z.number().int().positive() })).default([]),
})
export type Media = z.infer<typeof mediaSchema>

export const tenantSchema = z
  .object({
    slug,
    name: z.string().min(1),
    locales: z.array(locale).min(1),
    defaultLocale: locale,
    features: z.array(z.enum(features)),
    brand: z.object({
      primaryColor: hexColour,
      accentColor: hexColour,
      intro: localizedText,
      /** The MPP's logo: a file of the snapshot's media. */
      logo: mediaFile.optional(),
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
  /** Each step's text, and optionally an image: a file of the snapshot's media. */
  steps: z.array(z.object({ body: localizedMarkdown, image: mediaFile.optional() })).min(1),
  /** Slugs of related Q&As of the same tenant. */
  related: z.array(slug).default([]),
})
export type Guide = z.infer<typeof guideSchema>

export const qaSchema = z.object({
  slug,
  category: slug,
  order: z.number().int(),
  pinned: z.boolean().default(false),
  /** How popular users' feedback makes this Q&A (recomputePopularity); 0 when it has none. */
  popularity: z.number().nonnegative().default(0),
  question: localizedText,
  answer: localizedMarkdown,
  alternatives: localizedList.default({}),
  keywords: localizedList.default({}),
})
export type Qa = z.infer<typeof qaSchema>

/**
 * An MPP's own lexicon group in one locale: words its users say for one thing (a wallet's
 * nickname, a local ride app). `concept` names a built-in concept the phrases join; without it
 * the group is a concept of its own.
 */
export const synonymGroupSchema = z.object({
  locale,
  concept: z.string().min(1).optional(),
  phrases: z.array(z.string().trim().min(1)).min(1),
})
export type SynonymGroup = z.infer<typeof synonymGroupSchema>

/** A UTC time, normalised to the one form the CMS gives back (2026-11-01T00:00:00.000Z). */
const isoTime = z.iso.datetime().transform((value) => new Date(value).toISOString())

export const campaignSchema = z.object({
  slug,
  title: localizedText,
  /** The tutorial a new user watches before claiming: the Center's own animation, a video, steps, or any of them in that order. */
  tutorial: z.object({
    animation: z.boolean().default(false),
    videoUrl: z.url().optional(),
    steps: z.array(z.object({ body: localizedMarkdown })).default([]),
  }),
  voucher: z.object({
    merchant: z.string().min(1),
    amount: amountSchema,
    validityDays: z.number().int().positive(),
  }),
  /** How many vouchers the campaign may give out in all. */
  budget: z.number().int().positive(),
  startsAt: isoTime,
  endsAt: isoTime,
})
export type Campaign = z.infer<typeof campaignSchema>

/** The snapshot's lists of documents that an editor publishes one by one. */
export const documentLists = ['categories', 'guides', 'qas', 'campaigns'] as const
export type DocumentList = (typeof documentLists)[number]
export type DocumentOf = { categories: Category; guides: Guide; qas: Qa; campaigns: Campaign }
export const documentSchemas = { categories: categorySchema, guides: guideSchema, qas: qaSchema, campaigns: campaignSchema } as const
export type DocumentProblem = { path: (string | number)[]; message: string }

/** The required texts of a document, by path: the site falls back to the default locale, so each needs it. */
function requiredTexts<L extends DocumentList>(list: L, item: DocumentOf[L]): [(string | number)[], LocalizedText][] {
  if (list === 'categories') return [[['name'], (item as Category).name]]
  if (list === 'qas')
    return [
      [['question'], (item as Qa).question],
      [['answer'], (item as Qa).answer],
    ]
  if (list === 'campaigns') return [[['title'], (item as Campaign).title]]
  const guide = item as Guide
  return [
    [['title'], guide.title],
    ...guide.steps.map((step, j): [(string | number)[], LocalizedText] => [['steps', j, 'body'], step.body]),
  ]
}

/** What makes one well-formed document unfit for the tenant's site, whatever the other documents are. */
export function documentProblems<L extends DocumentList>(list: L, item: DocumentOf[L], defaultLocale: Locale): DocumentProblem[] {
  const problems = requiredTexts(list, item)
    .filter(([, text]) => !text[defaultLocale])
    .map(([path]) => ({ path, message: `needs the default locale "${defaultLocale}"` }))
  const campaign = item as Campaign
  if (list === 'campaigns' && campaign.endsAt <= campaign.startsAt) problems.push({ path: ['endsAt'], message: 'must be after startsAt' })
  return problems
}

export const snapshotSchema = z
  .object({
    version: z.literal(1),
    tenant: tenantSchema,
    categories: z.array(categorySchema),
    guides: z.array(guideSchema),
    qas: z.array(qaSchema),
    campaigns: z.array(campaignSchema).default([]),
    /** The images the tenant's pages show. A reference to a file not listed here is left out with a build warning. */
    media: z.array(mediaSchema).default([]),
    /** The MPP's published lexicon groups, which the ask box's index adds to the built-in ones. */
    synonyms: z.array(synonymGroupSchema).default([]),
  })
  .superRefine((snapshot, ctx) => {
    const { defaultLocale } = snapshot.tenant
    for (const list of documentLists) {
      snapshot[list].forEach((item, i) => {
        for (const { path, message } of documentProblems(list, item as never, defaultLocale))
          ctx.addIssue({ code: 'custom', message, path: [list, i, ...path] })
      })
    }
    const categories = new Set(snapshot.categories.map((c) => c.slug))
    snapshot.qas.forEach((qa, i) => {
      if (!categories.has(qa.category)) {
        ctx.addIssue({ code: 'custom', message: `unknown category "${qa.category}"`, path: ['qas', i, 'category'] })
      }
    })
    const qas = new Set(snapshot.qas.map((qa) => qa.slug))
    snapshot.guides.forEach((guide, i) =>
      guide.related.forEach((slug, j) => {
        if (!qas.has(slug)) ctx.addIssue({ code: 'custom', message: `unknown Q&A "${slug}"`, path: ['guides', i, 'related', j] })
      }),
    )
    for (const [list, items] of [
      ['categories', snapshot.categories],
      ['guides', snapshot.guides],
      ['qas', snapshot.qas],
      ['campaigns', snapshot.campaigns],
    ] as const) {
      const seen = new Set<string>()
      items.forEach((item, i) => {
        if (seen.has(item.slug)) ctx.addIssue({ code: 'custom', message: `duplicate slug "${item.slug}"`, path: [list, i, 'slug'] })
        seen.add(item.slug)
      })
    }
  })
export type Snapshot = z.infer<typeof snapshotSchema>

/** Reads a snapshot, or throws one error naming the source and every bad field. */
export function parseSnapshot(data: unknown, source: string): Snapshot {
  const result = snapshotSchema.safeParse(data)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  throw new Error(`${source} is not a valid snapshot:\n${problems.join('\n')}`)
}
