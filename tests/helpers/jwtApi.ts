import type { SanitizedConfig } from 'payload'

export type GraphqlAnswer = { data?: Record<string, unknown>; errors?: { message: string }[] }

/**
 * REST and GraphQL clients that call the CMS's handlers in this process with `Authorization: JWT`,
 * as an API client (or an attacker with a stolen token) would. Import after the spec's database is set.
 */
export async function jwtClients(config: Promise<SanitizedConfig> | SanitizedConfig) {
  const { handleEndpoints } = await import('payload')
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  const graphqlPost = GRAPHQL_POST(config)
  const rest = (method: string, path: string, token: string, body?: unknown) =>
    handleEndpoints({
      config,
      request: new Request(`http://localhost/api${path}`, {
        method,
        headers: { Authorization: `JWT ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    })
  const graphql = async (query: string, token: string): Promise<GraphqlAnswer> =>
    (
      await graphqlPost(
        new Request('http://localhost/api/graphql', {
          method: 'POST',
          headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ query }),
        }),
      )
    ).json()
  return { rest, graphql }
}
