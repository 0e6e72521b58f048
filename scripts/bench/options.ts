import { locales } from '../../content/schema'

export const sections = ['build', 'rebuild', 'weight', 'lighthouse', 'search', 'api'] as const
export type Section = (typeof sections)[number]

export type BenchOptions = {
  tenants: number
  locales: number
  qas: number
  indexQas: number
  only: Section[]
  /** The page types Lighthouse tests; all when absent. */
  pages?: string[]
}

/** Defaults that finish in about five minutes on two cores; `--tenants 50 --locales 10 --qas 200` is the big run. */
export const defaultSizes = { tenants: 3, locales: 3, qas: 40, indexQas: 5000 } as const

/** A whole number at least `min` from a command-line value, or the default when it is absent. */
function count(name: string, raw: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`--${name} must be a whole number from ${min} to ${max}, not "${raw}"`)
  return value
}

/** The bench's options from the command line's strings: sizes, and which measurements to run (all by default). */
export function parseBenchOptions(raw: {
  tenants?: string
  locales?: string
  qas?: string
  'index-qas'?: string
  only?: string
  pages?: string
}): BenchOptions {
  const only = raw.only
    ? raw.only
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : [...sections]
  const unknown = only.filter((name) => !sections.includes(name as Section))
  if (unknown.length) throw new Error(`--only takes ${sections.join(', ')}; unknown: ${unknown.join(', ')}`)
  return {
    tenants: count('tenants', raw.tenants, defaultSizes.tenants, 1),
    locales: count('locales', raw.locales, defaultSizes.locales, 1, locales.length),
    qas: count('qas', raw.qas, defaultSizes.qas, 1),
    indexQas: count('index-qas', raw['index-qas'], defaultSizes.indexQas, 1),
    only: sections.filter((name) => only.includes(name)),
    ...(raw.pages ? { pages: raw.pages.split(',').map((type) => type.trim()) } : {}),
  }
}
