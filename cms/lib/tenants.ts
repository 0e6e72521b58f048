import type { Payload } from 'payload'

import type { Tenant } from '../payload-types'

/** The tenant with this slug, or undefined. `locale: 'all'` reads every locale's texts; `showHiddenFields` its secrets. */
export async function findTenant(
  payload: Payload,
  slug: string,
  options: { locale?: 'all'; showHiddenFields?: boolean } = {},
): Promise<Tenant | undefined> {
  const { docs } = await payload.find({
    collection: 'tenants',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    pagination: false,
    ...options,
  })
  return docs[0]
}

/** The tenant with this slug, or an error naming the slug. */
export async function requireTenant(payload: Payload, slug: string, options: { locale?: 'all' } = {}): Promise<Tenant> {
  const tenant = await findTenant(payload, slug, options)
  if (!tenant) throw new Error(`Unknown tenant "${slug}"`)
  return tenant
}
