import { fileURLToPath } from 'node:url'
import SwaggerParser from '@apidevtools/swagger-parser'
import addFormats from 'ajv-formats'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'

export const contractPath = fileURLToPath(new URL('../../mpp/contract/openapi.yaml', import.meta.url))
/** The Center API's document, generated from content/centerApi.ts. */
export const centerApiContractPath = fileURLToPath(new URL('../../docs/center-api.yaml', import.meta.url))

type Schema = Record<string, unknown>
type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } }

/**
 * Validators for an OpenAPI 3.1 document's JSON Schemas (2020-12), mpp/contract/openapi.yaml unless
 * told otherwise: by component name, and by the response a request got, so tests check what the
 * sandbox or the CMS really answers.
 */
export async function loadContract(path = contractPath) {
  const document = (await SwaggerParser.dereference(path)) as unknown as Document
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  const cache = new Map<Schema, ValidateFunction>()
  const compile = (schema: Schema) => {
    let validate = cache.get(schema)
    if (!validate) cache.set(schema, (validate = ajv.compile(schema)))
    return validate
  }
  const check = (validate: ValidateFunction, body: unknown): string[] =>
    validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`)

  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }))

  function checkOperation(method: string, template: string, status: number, contentType: string, body: unknown): string[] {
    const operation = document.paths[template]?.[method.toLowerCase()]
    if (!operation) return [`the contract has no ${method} ${template}`]
    const responses = operation.responses ?? {}
    const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default
    if (!response) return [`the contract has no ${status} response for ${method} ${template}`]
    if (!response.content) return body === undefined ? [] : [`${method} ${template} ${status} has no body in the contract`]
    const media = response.content[contentType.split(';')[0]!.trim()]
    if (!media?.schema) return [`the contract has no ${contentType} body for ${method} ${template} ${status}`]
    return check(compile(media.schema), body)
  }

  return {
    /** The problems (none if valid) of a body against a named component schema. */
    checkSchema: (name: string, body: unknown) => check(compile(document.components.schemas[name]!), body),
    /** The problems of a response body against the schema the contract gives for that path, method, status and content type. */
    checkResponse(method: string, path: string, status: number, contentType: string, body: unknown): string[] {
      const found = templates.find(({ pattern }) => pattern.test(path))
      if (!found) return [`no path in the contract matches ${path}`]
      return checkOperation(method, found.template, status, contentType, body)
    },
    /** The same, for a path template of the document (`/rewards/{campaign}/claim`). */
    checkOperation,
    /** Every documented method, path template and status. */
    documented: () =>
      Object.entries(document.paths).flatMap(([template, methods]) =>
        Object.entries(methods).flatMap(([method, operation]) =>
          Object.keys(operation.responses ?? {}).map((status) => `${method.toUpperCase()} ${template} ${status}`),
        ),
      ),
  }
}

export type Contract = Awaited<ReturnType<typeof loadContract>>
