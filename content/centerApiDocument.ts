/**
 * The Center API's OpenAPI 3.1 document, generated from its zod schemas and operation table
 * (content/centerApi.ts), so the document cannot drift from what the endpoints and islands use.
 * `npm run contract:center` writes it to docs/center-api.yaml; a unit test fails when the file is stale.
 */
import { z } from 'zod/mini'

import { centerApiOperations, centerApiSchemas, type CenterApiOperation } from './centerApi'
import { problemCodes, problemContentType, problemTitles, problemType, problemTypeBase } from './problem'

type Json = Record<string, unknown>

const ref = (schema: z.ZodMiniType): Json => {
  const id = centerApiSchemas.get(schema)?.id
  if (!id) throw new Error('Every schema of an operation must be named in centerApiSchemas')
  return { $ref: `#/components/schemas/${id}` }
}

const auth: Record<CenterApiOperation['auth'], Json[] | undefined> = {
  none: [],
  'wallet-token': [{ walletToken: [] }],
  'cms-user': [{ cmsSession: [] }, { cmsJwt: [] }],
  'webhook-signature': [],
}

function operationObject(operation: CenterApiOperation): Json {
  const parameters = (
    [
      ['path', operation.pathParams],
      ['query', operation.query],
      ['header', operation.headers],
    ] as const
  ).flatMap(([where, described]) =>
    Object.entries(described ?? {}).map(([name, description]) => ({
      name,
      in: where,
      required: true,
      description,
      schema: { type: 'string' },
    })),
  )
  const responses = Object.fromEntries(
    Object.entries(operation.responses).map(([status, { description, schema }]) => [
      status,
      { description, content: { [Number(status) >= 400 ? problemContentType : 'application/json']: { schema: ref(schema) } } },
    ]),
  )
  return {
    summary: operation.summary,
    security: auth[operation.auth],
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(operation.body) } } } } : {}),
    responses,
  }
}

/** The whole document, as a plain object ready for YAML or JSON. */
export function centerApiDocument(): Json {
  const { schemas } = z.toJSONSchema(centerApiSchemas, {
    target: 'draft-2020-12',
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> }
  for (const schema of Object.values(schemas)) {
    delete schema.$schema
    delete schema.$id
  }
  const paths: Record<string, Json> = {}
  for (const operation of centerApiOperations) (paths[operation.path] ??= {})[operation.method] = operationObject(operation)
  return {
    openapi: '3.1.0',
    info: {
      title: 'Center API',
      version: '1.0.0',
      description: [
        'The Center API: the CMS endpoints the islands call (rewards, feedback), the rebuild webhook MPPs call, health probes, and the admin’s own calls.',
        'Generated from content/centerApi.ts: do not edit by hand (`npm run contract:center`).',
        `Every error is application/problem+json (RFC 9457) with a stable \`code\`; its \`type\` is ${problemTypeBase}<code>.`,
        'Any path may also answer bad-path (400), path-too-long (414) or unsupported-media-type (415) before the endpoint sees the request.',
        'Problem codes:',
        ...problemCodes.map((code) => `- \`${code}\` (${problemType(code)}): ${problemTitles[code]}`),
      ].join('\n'),
    },
    servers: [{ url: '/api' }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        walletToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: "The wallet user's token from the MPP app (ES256, aud center).",
        },
        cmsSession: { type: 'apiKey', in: 'cookie', name: 'payload-token', description: 'A CMS admin session.' },
        cmsJwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: '"JWT <token>" from POST /api/users/login.' },
      },
    },
  }
}
