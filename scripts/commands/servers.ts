import { startSandbox } from '../../mpp/sandbox/server'
import { issueToken } from '../../mpp/sandbox/tokens'
import { portFrom } from '../lib/ports'
import { startSite } from '../lib/serve'

/** `center mpp`: the sandbox MPP alone. */
export async function mppCommand(): Promise<void> {
  const sandbox = await startSandbox(portFrom(process.env, 'MPP_PORT', 4010))
  console.log(`Sandbox MPP on ${sandbox.url}`)
}

/** `center serve`: the live sites alone. */
export async function serveCommand(): Promise<void> {
  const site = await startSite(portFrom(process.env, 'SITE_PORT', 4321))
  console.log(`Site on ${site.url}`)
}

/** `center token`: a demo user token signed by the sandbox MPP. */
export async function tokenCommand({ tenant, user }: { tenant: string; user: string }): Promise<void> {
  console.log(await issueToken(tenant, user))
}
