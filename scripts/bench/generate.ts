import {
  locales as allLocales,
  parseSnapshot,
  products,
  type Locale,
  type LocalizedList,
  type LocalizedText,
  type Snapshot,
} from '../../content/schema'
import { extraPhrases, type PhraseBank } from './phrases'

export type GenerateOptions = { tenants: number; locales: number; qas: number }

/** Places that make repeated questions distinct, as users ask about one trip or another. */
const places = [
  'Tokyo',
  'Osaka',
  'Seoul',
  'Bangkok',
  'Singapore',
  'Kuala Lumpur',
  'Jakarta',
  'Manila',
  'Hanoi',
  'Dubai',
  'Paris',
  'London',
  'Sydney',
  'Taipei',
  'Macau',
]
/** Brand colours that keep white text above WCAG AA, as the CMS requires. */
const colours = ['#0b5cad', '#0f7b6c', '#8a2be2', '#b3261e', '#1d4ed8', '#7c3aed', '#9a3412', '#166534']

/** Every locale's phrases: the demo tenants' texts where they have the locale, hand-written ones otherwise. */
export function phraseBanks(demo: Snapshot[]): Record<Locale, PhraseBank> {
  const banks = {} as Record<Locale, PhraseBank>
  for (const locale of allLocales) {
    const texts = (pick: (s: Snapshot) => (LocalizedText | undefined)[]) =>
      demo
        .flatMap(pick)
        .map((t) => t?.[locale])
        .filter((t): t is string => Boolean(t))
    const lists = (pick: (s: Snapshot) => LocalizedList[]) => demo.flatMap(pick).flatMap((l) => l[locale] ?? [])
    const fromDemo: PhraseBank = {
      questions: texts((s) => s.qas.map((q) => q.question)),
      answers: texts((s) => s.qas.map((q) => q.answer)),
      titles: texts((s) => s.guides.map((g) => g.title)),
      steps: texts((s) => s.guides.flatMap((g) => g.steps.map((step) => step.body))),
      categories: texts((s) => s.categories.map((c) => c.name)),
      keywords: lists((s) => s.qas.map((q) => q.keywords)),
    }
    const extra = extraPhrases[locale]
    banks[locale] = fromDemo.questions.length || !extra ? fromDemo : extra
    if (!banks[locale].questions.length) throw new Error(`No phrases for locale "${locale}"`)
  }
  return banks
}

const at = <T>(list: T[], i: number): T => list[i % list.length]!

/** The locales of the n-th generated tenant: a different run of the shipped locales each, its default first. */
export function tenantLocales(index: number, count: number): Locale[] {
  if (count < 1 || count > allLocales.length) throw new Error(`--locales must be between 1 and ${allLocales.length}`)
  return Array.from({ length: count }, (_, i) => at([...allLocales], index + i))
}

/** One generated tenant: 6 categories, 9 guides with 3 to 5 steps, `qas` Q&As with alternatives and keywords, 2 campaigns, in every one of its locales. */
export function generateSnapshot(index: number, options: Omit<GenerateOptions, 'tenants'>, banks: Record<Locale, PhraseBank>): Snapshot {
  const locales = tenantLocales(index, options.locales)
  const slug = `bench-${String(index + 1).padStart(3, '0')}`
  const name = `Bench Pay ${index + 1}`
  /** The same text in each locale, from each locale's bank. */
  const text = (pick: (bank: PhraseBank) => string): LocalizedText => Object.fromEntries(locales.map((l) => [l, pick(banks[l])]))
  const list = (pick: (bank: PhraseBank) => string[]): LocalizedList => Object.fromEntries(locales.map((l) => [l, pick(banks[l])]))
  /** A question distinct from the others: beyond the bank's size, it names a place. */
  const question = (bank: PhraseBank, i: number) => {
    const round = Math.floor(i / bank.questions.length)
    return round ? `${at(bank.questions, i)} (${at(places, round - 1)}${round > places.length ? ` ${round}` : ''})` : at(bank.questions, i)
  }

  const categories = Array.from({ length: 6 }, (_, i) => ({
    slug: `category-${i + 1}`,
    order: i + 1,
    name: text((b) => at(b.categories, i)),
  }))
  const qas = Array.from({ length: options.qas }, (_, i) => ({
    slug: `question-${i + 1}`,
    category: at(categories, i).slug,
    order: i + 1,
    pinned: i < 3,
    question: text((b) => question(b, i)),
    answer: text((b) => `${at(b.answers, i)}\n\n${at(b.answers, i + 1)}\n\n- ${at(b.steps, i)}\n- ${at(b.steps, i + 1)}`),
    alternatives: list((b) => [question(b, i + 1), question(b, i + 2)]),
    keywords: list((b) => [at(b.keywords, i), at(b.keywords, i + 3)]),
  }))
  const guides = Array.from({ length: 9 }, (_, i) => ({
    slug: `guide-${i + 1}`,
    product: at([...products], i),
    order: i + 1,
    title: text((b) => at(b.titles, i)),
    summary: text((b) => at(b.steps, i + 2)),
    steps: Array.from({ length: 3 + (i % 3) }, (_, j) => ({ body: text((b) => at(b.steps, i + j)) })),
    related: qas.length ? Array.from(new Set([i, i + 1, i + 2].map((j) => at(qas, j).slug))) : [],
  }))
  const campaigns = Array.from({ length: 2 }, (_, i) => ({
    slug: `campaign-${i + 1}`,
    title: text((b) => at(b.titles, i)),
    tutorial: { steps: Array.from({ length: 3 }, (_, j) => ({ body: text((b) => at(b.steps, i + j)) })) },
    voucher: { merchant: at(places, i), amount: { currency: 'USD', value: 500 * (i + 1) }, validityDays: 30 },
    budget: 1000,
    startsAt: '2026-01-01T00:00:00.000Z',
    endsAt: '2027-12-31T23:59:59.000Z',
  }))
  return parseSnapshot(
    {
      version: 1,
      tenant: {
        slug,
        name,
        locales,
        defaultLocale: locales[0],
        features: ['guides', 'qas', 'bills', 'agreements', 'rewards'],
        brand: { primaryColor: at(colours, index), accentColor: at(colours, index + 3), intro: text((b) => at(b.answers, index)) },
        mppApiBaseUrl: `http://localhost:4010/${slug}`,
        supportEmail: `help@${slug}.example`,
      },
      categories,
      guides,
      qas,
      campaigns,
    },
    `generated tenant ${slug}`,
  )
}

/** N generated tenants in L locales each, with Q Q&As each. */
export function generateSnapshots(options: GenerateOptions, banks: Record<Locale, PhraseBank>): Snapshot[] {
  return Array.from({ length: options.tenants }, (_, i) => generateSnapshot(i, options, banks))
}
