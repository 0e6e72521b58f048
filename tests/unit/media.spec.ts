import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

import { contentMediaDir, readSnapshots } from '../../content/files'
import { resolveMedia } from '../../content/media'
import { parseSnapshot } from '../../content/schema'
import { imageAttributes } from '../../site/src/lib/images'
import { contentSnapshot } from '../helpers/contentSnapshots'

const lumopay = contentSnapshot('lumopay')
const photo = {
  file: 'till.png',
  alt: { en: 'The till', 'zh-Hant': '收銀處' },
  width: 1200,
  height: 800,
  sizes: [
    { file: 'till-480x320.webp', width: 480, height: 320 },
    { file: 'till-960x640.webp', width: 960, height: 640 },
  ],
}
const withPhoto = parseSnapshot(
  {
    ...lumopay,
    media: [...lumopay.media, photo],
    guides: lumopay.guides.map((guide, i) =>
      i === 0 ? { ...guide, steps: guide.steps.map((step, j) => (j === 0 ? { ...step, image: 'till.png' } : step)) } : guide,
    ),
  },
  'test',
)

describe('guide images', () => {
  test("every step of every demo MPP's guides has a picture in content/media, described in each of the MPP's locales", () => {
    const problems: string[] = []
    for (const snapshot of readSnapshots()) {
      const media = new Map(snapshot.media.map((item) => [item.file, item]))
      for (const guide of snapshot.guides) {
        guide.steps.forEach((step, i) => {
          const where = `${snapshot.tenant.slug}/${guide.slug} step ${i + 1}`
          if (!step.image) return problems.push(`${where}: no image`)
          if (!existsSync(join(contentMediaDir, step.image))) problems.push(`${where}: ${step.image} is not in content/media`)
          const item = media.get(step.image)
          if (!item) return problems.push(`${where}: ${step.image} is not in the media list`)
          const missing = snapshot.tenant.locales.filter((locale) => !item.alt[locale]?.trim())
          if (missing.length) problems.push(`${where}: ${step.image} has no alt text in ${missing.join(', ')}`)
        })
      }
    }
    expect(problems).toEqual([])
  })

  test('an image is shown at its own size, in narrower copies for small screens, lazily below the fold', () => {
    const below = imageAttributes(withPhoto, 'till.png', 'zh-Hant')!
    expect(below).toMatchObject({ src: '/lumopay/media/till.png', width: 1200, height: 800, alt: '收銀處', loading: 'lazy' })
    expect(below.srcset).toBe('/lumopay/media/till-480x320.webp 480w, /lumopay/media/till-960x640.webp 960w, /lumopay/media/till.png 1200w')
    expect(imageAttributes(withPhoto, 'till.png', 'en', { aboveFold: true })!.loading).toBe('eager')
    expect(imageAttributes(withPhoto, 'missing.png', 'en')).toBeUndefined()
  })

  test('an image whose file is gone is left out of every page that used it, with a warning naming it', () => {
    const { snapshot, warnings } = resolveMedia(withPhoto, (file) => file !== 'till.png')
    expect(snapshot.media.map((item) => item.file)).not.toContain('till.png')
    expect(snapshot.guides[0]!.steps[0]!.image).toBeUndefined()
    expect(warnings).toEqual(['Image "till.png" is missing from the media folder; pages that use it are built without it.'])
  })

  test('a reference to an image the snapshot does not list is dropped with a warning naming the guide and step', () => {
    const broken = { ...lumopay, tenant: { ...lumopay.tenant, brand: { ...lumopay.tenant.brand, logo: 'old-logo.png' } } }
    const { snapshot, warnings } = resolveMedia(broken, () => true)
    expect(snapshot.tenant.brand.logo).toBeUndefined()
    expect(warnings).toEqual(['The logo of "lumopay" uses image "old-logo.png", which is not in the snapshot\'s media; built without it.'])
  })

  test('narrower copies whose files are gone drop out of srcset while the image stays', () => {
    const { snapshot, warnings } = resolveMedia(withPhoto, (file) => file !== 'till-960x640.webp')
    expect(warnings).toEqual([])
    expect(imageAttributes(snapshot, 'till.png', 'en')!.srcset).not.toContain('960')
  })

  test('an image file name cannot climb out of the media folder', () => {
    expect(() => parseSnapshot({ ...lumopay, media: [{ ...photo, file: '../../etc/passwd.png' }] }, 'test')).toThrow(/media\.0\.file/)
  })
})
