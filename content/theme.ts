import type { Tenant } from './schema'

/** WCAG AA for normal-size text. */
export const aaTextRatio = 4.5

/** The surfaces brand text is checked against: light --bg and dark --surface, the least contrasting of each scheme. */
export const surfaces = { light: '#f4f5f7', dark: '#1f2228' } as const

/** Relative luminance of an sRGB colour like #1a2b3c, per WCAG 2. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** The WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** The text colour for a filled surface of this colour: white where it reads, else near-black. */
export function textOn(fill: string): string {
  return contrastRatio(fill, '#ffffff') >= aaTextRatio ? '#ffffff' : '#111111'
}

/**
 * The colour nearest to `colour` that reads as text on `background` (≥ 4.5:1): mixed step by step
 * towards black on a light background, towards white on a dark one, so links keep the brand's hue.
 */
export function readableOn(colour: string, background: string): string {
  const target = luminance(background) > 0.5 ? '#000000' : '#ffffff'
  for (let step = 0; step <= 20; step++) {
    const mixed = mix(colour, target, step / 20)
    if (contrastRatio(mixed, background) >= aaTextRatio) return mixed
  }
  return target
}

/** The tenant's brand as CSS custom properties on :root, light and dark: the only per-tenant styling there is. */
export function brandStyle(tenant: Pick<Tenant, 'brand'>): string {
  const { primaryColor: brand, accentColor: accent } = tenant.brand
  const light = `--brand:${brand};--on-brand:${textOn(brand)};--accent:${accent};--brand-text:${readableOn(brand, surfaces.light)}`
  const dark = `--brand-text:${readableOn(brand, surfaces.dark)};--accent:${readableOn(accent, surfaces.dark)}`
  return `:root{${light}}@media (prefers-color-scheme:dark){:root{${dark}}}`
}

/**
 * The design system's neutral tokens, light and dark, as the site's layout declares them
 * (site/src/layouts/Center.astro): here so that a page drawn outside the site, the admin's draft
 * preview, looks like the site.
 */
export const neutralTokens = {
  light: {
    bg: surfaces.light,
    surface: '#ffffff',
    soft: '#eceef1',
    text: '#1f2328',
    muted: '#565e67',
    line: '#d8dce1',
    radius: '12px',
    tap: '44px',
  },
  dark: { bg: '#14161a', surface: surfaces.dark, soft: '#2a2e35', text: '#e8eaed', muted: '#a9b0b9', line: '#3a3f47' },
} as const

const declarations = (tokens: Record<string, string>) =>
  Object.entries(tokens)
    .map(([name, value]) => `--${name}:${value}`)
    .join(';')

/** The neutral tokens and the tenant's brand as CSS custom properties on :root, light and dark. */
export function themeStyle(tenant: Pick<Tenant, 'brand'>): string {
  const neutral = `:root{color-scheme:light dark;${declarations(neutralTokens.light)}}`
  const dark = `@media (prefers-color-scheme:dark){:root{${declarations(neutralTokens.dark)}}}`
  return `${neutral}${dark}${brandStyle(tenant)}`
}

/** A favicon for the tenant: a rounded square in its brand colour with its initial, as an SVG data URL. */
export function faviconUrl(tenant: Pick<Tenant, 'brand' | 'name'>): string {
  const fill = tenant.brand.primaryColor
  const initial = [...tenant.name.trim()][0]?.toUpperCase() ?? ''
  const letter = initial.replace(/[<>&"']/g, '')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="${fill}"/><text x="16" y="22" font-family="system-ui,sans-serif" font-size="18" font-weight="700" text-anchor="middle" fill="${textOn(fill)}">${letter}</text></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

/** The red, green and blue bytes of #rrggbb. */
function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number]
}

/** `from` moved a fraction of the way towards `to`, as #rrggbb. */
function mix(from: string, to: string, amount: number): string {
  const a = channels(from)
  const b = channels(to)
  return `#${a
    .map((c, i) =>
      Math.round(c + (b[i]! - c) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`
}
