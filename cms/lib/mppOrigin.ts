/** The address demo tenants in content/ give for their MPP API: the sandbox on its default port. */
export const defaultSandboxOrigin = 'http://localhost:4010'

/**
 * A tenant's MPP API base URL as the built site should call it: demo tenants that point at the
 * sandbox's default address follow the sandbox to wherever it runs now (MPP_PORT, tests).
 */
export function resolveMppBaseUrl(url: string, sandboxOrigin: string): string {
  return url.startsWith(`${defaultSandboxOrigin}/`) ? sandboxOrigin + url.slice(defaultSandboxOrigin.length) : url
}
