import { describe, expect, test } from 'vitest'

import { aaTextRatio, brandStyle, contrastRatio, faviconUrl, readableOn, surfaces, textOn } from '../../content/theme'

describe('the brand theme', () => {
  test('the brand becomes CSS custom properties', () => {
    const style = brandStyle({ brand: { primaryColor: '#0b5cad', accentColor: '#0f7b6c', intro: {} } })
    expect(style).toContain(':root{--brand:#0b5cad;--on-brand:#ffffff;--accent:#0f7b6c;--brand-text:#0b5cad}')
    expect(style).toMatch(/@media \(prefers-color-scheme:dark\)\{:root\{--brand-text:#[0-9a-f]{6};/)
  })

  test('brand text is moved towards readable on both surfaces, and text on a pale brand turns dark', () => {
    for (const surface of Object.values(surfaces)) {
      for (const colour of ['#8a1c3b', '#0b5cad', '#1f6f43', '#ffd400'])
        expect(contrastRatio(readableOn(colour, surface), surface)).toBeGreaterThanOrEqual(aaTextRatio)
    }
    expect(textOn('#ffd400')).toBe('#111111')
    expect(textOn('#8a1c3b')).toBe('#ffffff')
  })

  test('the favicon is an SVG data URL in the brand colour with the MPP initial', () => {
    const url = faviconUrl({ name: 'Hoshi Wallet', brand: { primaryColor: '#8a1c3b', accentColor: '#5b3c88', intro: {} } })
    const svg = decodeURIComponent(url.replace('data:image/svg+xml,', ''))
    expect(svg).toContain('fill="#8a1c3b"')
    expect(svg).toMatch(/>H<\/text>/)
  })
})
