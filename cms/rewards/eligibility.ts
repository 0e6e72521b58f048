import { createMppClient, MppError } from '../../mpp/contract/client'
import { defaultSandboxOrigin, resolveMppBaseUrl } from '../lib/mppOrigin'
import { refuse } from '../lib/requests'
import type { Tenant } from '../payload-types'

/** How long the Center waits for an MPP's API before telling the user it is unavailable (CENTER_MPP_TIMEOUT_MS). */
const timeoutMs = () => Number(process.env.CENTER_MPP_TIMEOUT_MS) || 8000

/** The MPP API base URL the CMS server calls: demo tenants follow the sandbox to wherever it runs (MPP_SANDBOX_ORIGIN). */
export const mppBaseUrl = (tenant: Pick<Tenant, 'mppApiBaseUrl'>): string =>
  resolveMppBaseUrl(tenant.mppApiBaseUrl, process.env.MPP_SANDBOX_ORIGIN || defaultSandboxOrigin)

/** `locale` is the user's Accept-Language, passed on to the MPP as every call to it carries one ("*", the MPP's default, without). */
type Caller = { tenant: Pick<Tenant, 'slug' | 'mppApiBaseUrl' | 'name'>; user: string; token: string; locale?: string | null }

/** Questions to an MPP in flight, per tenant and user: a burst of one user's claims asks once. */
const asking = new Map<string, Promise<boolean | MppError>>()

function ask({ tenant, user, token, locale }: Caller): Promise<boolean | MppError> {
  const key = `${tenant.slug}\u0000${user}`
  let answer = asking.get(key)
  if (!answer) {
    const client = createMppClient({ baseUrl: mppBaseUrl(tenant), token, locale: locale || '*', timeoutMs: timeoutMs() })
    // A GET is safe to repeat: one more try rides over a dropped keep-alive connection or a passing 5xx.
    const retriedOnce = client
      .getEligibility()
      .catch((error: unknown) =>
        error instanceof MppError && error.kind === 'unavailable' ? client.getEligibility() : Promise.reject(error),
      )
    answer = retriedOnce.then(
      (eligibility) => eligibility.newUser,
      (error: unknown) => {
        if (error instanceof MppError) return error
        throw error
      },
    )
    asking.set(key, answer)
    void answer.finally(() => asking.delete(key)).catch(() => undefined)
  }
  return answer
}

/**
 * Asks the user's MPP, with the user's own token, whether they are new to cross-border payments.
 * An MPP that is slow, down or answers garbage gives a Response to send back (502/504), never a throw.
 */
export async function newToCrossBorder(caller: Caller): Promise<boolean | Response> {
  const answer = await ask(caller)
  if (typeof answer === 'boolean') return answer
  const { name } = caller.tenant
  if (answer.kind === 'timeout')
    return refuse(504, 'mpp-timeout', `${name} took too long to say whether you are a new user. Nothing was claimed; try again.`)
  if (answer.kind === 'unauthorized') return refuse(401, 'invalid-token', `${name} refused the token: ${answer.message}`)
  if (answer.kind === 'invalid-response')
    return refuse(
      502,
      'mpp-invalid-response',
      `${name} answered whether you are a new user with something the Center cannot read. Nothing was claimed; try again.`,
    )
  return refuse(
    502,
    'mpp-unavailable',
    `${name} could not say whether you are a new user (${answer.message}). Nothing was claimed; try again.`,
  )
}
