/**
 * The Center's fixed lists (locales, features, products) without any schema code, so that the
 * islands can import them without shipping zod's full build to the browser; content/schema.ts
 * builds the snapshot schema from them and re-exports them.
 */
export const locales = ['en', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'th', 'vi', 'id', 'ms', 'fil', 'ar'] as const
export type Locale = (typeof locales)[number]
export const rtlLocales: readonly Locale[] = ['ar']

export const features = ['guides', 'qas', 'bills', 'agreements', 'rewards'] as const
export type Feature = (typeof features)[number]

export const products = ['online', 'in-store', 'auto-debit'] as const
export type Product = (typeof products)[number]
