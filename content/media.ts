import type { Snapshot } from './schema'

/**
 * Drops the images a build cannot show: references to files the snapshot does not list, and
 * listed files missing from the media folder (`exists`). Answers the snapshot without them and
 * one warning per dropped image, naming it and where it was used; the build goes on.
 */
export function resolveMedia(snapshot: Snapshot, exists: (file: string) => boolean): { snapshot: Snapshot; warnings: string[] } {
  const warnings: string[] = []
  const media = snapshot.media.filter((item) => {
    if (exists(item.file)) return true
    warnings.push(`Image "${item.file}" is missing from the media folder; pages that use it are built without it.`)
    return false
  })
  const available = new Set(media.map((item) => item.file))
  const keep = (file: string | undefined, where: string): string | undefined => {
    if (!file || available.has(file)) return file
    if (snapshot.media.every((item) => item.file !== file))
      warnings.push(`${where} uses image "${file}", which is not in the snapshot's media; built without it.`)
    return undefined
  }
  const { slug } = snapshot.tenant
  return {
    warnings,
    snapshot: {
      ...snapshot,
      media: media.map((item) => ({ ...item, sizes: item.sizes.filter((size) => exists(size.file)) })),
      tenant: { ...snapshot.tenant, brand: { ...snapshot.tenant.brand, logo: keep(snapshot.tenant.brand.logo, `The logo of "${slug}"`) } },
      guides: snapshot.guides.map((guide) => ({
        ...guide,
        steps: guide.steps.map((step, i) => ({ ...step, image: keep(step.image, `Guide "${guide.slug}" step ${i + 1}`) })),
      })),
    },
  }
}
