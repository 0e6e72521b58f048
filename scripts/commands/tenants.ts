import { recomputePopularity } from '../../cms/ask/popularity'
import { listTenants } from '../../cms/publish/exportSnapshot'
import { withCms } from './withCms'

/** `center tenants`: one line per tenant, or JSON. */
export async function tenantsCommand({ json }: { json?: boolean }): Promise<void> {
  const tenants = await withCms(listTenants)
  if (json)
    console.log(
      JSON.stringify(
        tenants.map(({ slug, name, locales }) => ({ slug, name, locales })),
        null,
        2,
      ),
    )
  else for (const t of tenants) console.log(`${t.slug}\t${t.name}\t${t.locales.join(',')}`)
}

/** `center popularity`: recomputes the popular questions from feedback now. */
export async function popularityCommand({ tenant }: { tenant?: string }): Promise<void> {
  await withCms(async (payload) => {
    const slugs = tenant ? [tenant] : (await listTenants(payload)).map((t) => t.slug)
    for (const slug of slugs)
      console.log(`${slug}: popularity of ${(await recomputePopularity(payload, slug)).length} Q&As recomputed; the next rebuild shows it.`)
  })
}
