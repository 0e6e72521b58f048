import type { Locale, Snapshot } from '../../../content/schema'
import { localize } from './localize'

export type ImageAttributes = {
  src: string
  srcset?: string
  sizes?: string
  width: number
  height: number
  alt: string
  loading: 'eager' | 'lazy'
  decoding: 'async'
}

/** Where a tenant's image file is served: beside its locales, /<tenant>/media/<file>. */
export const mediaPath = (tenant: string, file: string) => `/${tenant}/media/${encodeURIComponent(file)}`

/**
 * The <img> attributes for one of the snapshot's images, or undefined when it has none by that
 * name: explicit size (no layout shift), narrower copies in srcset, lazy unless above the fold.
 */
export function imageAttributes(
  snapshot: Snapshot,
  file: string | undefined,
  locale: Locale,
  options: { aboveFold?: boolean; displayWidth?: number } = {},
): ImageAttributes | undefined {
  const item = file ? snapshot.media.find((media) => media.file === file) : undefined
  if (!item) return undefined
  const { slug } = snapshot.tenant
  const candidates = [...item.sizes, item].filter((size) => size.width <= item.width).sort((a, b) => a.width - b.width)
  const displayWidth = options.displayWidth ?? 672
  return {
    src: mediaPath(slug, item.file),
    ...(item.sizes.length
      ? {
          srcset: candidates.map((size) => `${mediaPath(slug, size.file)} ${size.width}w`).join(', '),
          sizes: `(max-width: ${displayWidth}px) 100vw, ${displayWidth}px`,
        }
      : {}),
    width: item.width,
    height: item.height,
    alt: localize(item.alt, locale, snapshot.tenant).text,
    loading: options.aboveFold ? 'eager' : 'lazy',
    decoding: 'async',
  }
}
