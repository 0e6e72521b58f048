import type { Tenant } from './schema'

/** The tenant's brand as CSS custom properties on :root: the only per-tenant styling there is. */
export function brandStyle(tenant: Pick<Tenant, 'brand'>): string {
  return `:root{--brand:${tenant.brand.primaryColor};--accent:${tenant.brand.accentColor}}`
}
