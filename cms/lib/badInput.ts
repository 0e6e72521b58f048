import type { Payload, SanitizedConfig } from 'payload'

import { refuse } from './requests'

type RouteHandler<C> = (request: Request, context: C) => Promise<Response>
type ApiConfig = Pick<SanitizedConfig, 'collections' | 'routes'>

/** File systems name a file in at most 255 bytes; no id, slug or file name of the API is longer. */
export const maxSegmentBytes = 255

/** The bodies Payload's REST handlers read: JSON, and multipart form data (uploads, the admin's saves). */
const readableBody = /^(?:application\/(?:[\w.-]+\+)?json|multipart\/form-data)\s*(?:;|$)/i

/** Control characters (NUL above all) have no place in a path: file systems and databases choke on them. */
const controlCharacter = /[\u0000-\u001f\u007f]/

/** The path segments after the API's base path (`/api`), still percent-encoded; undefined outside the API. */
function apiSegments(url: string, apiRoute: string): string[] | undefined {
  const { pathname } = new URL(url)
  const base = apiRoute.replace(/\/$/, '')
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return undefined
  return pathname.slice(base.length).split('/').filter(Boolean)
}

/** A segment percent-decoded, or undefined when its encoding is broken (`%E0%A4%A`). */
function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch (error) {
    if (error instanceof URIError) return undefined
    throw error
  }
}

/** Why a path cannot name anything, as the answer to send; undefined when every segment is sound. */
function badPath(segments: string[]): Response | undefined {
  for (const segment of segments) {
    const decoded = decodedSegment(segment)
    if (decoded === undefined)
      return refuse(400, 'bad-path', `The path segment "${segment.slice(0, 40)}" is not valid percent-encoding (UTF-8).`)
    if (controlCharacter.test(decoded))
      return refuse(400, 'bad-path', 'The path holds a control character (such as %00); no document or file is named so.')
    if (Buffer.byteLength(decoded) > maxSegmentBytes)
      return refuse(
        414,
        'path-too-long',
        `A path segment is ${Buffer.byteLength(decoded)} bytes long; ids and file names are at most ${maxSegmentBytes}.`,
      )
  }
  return undefined
}

/**
 * Whether a request carries a body, by its headers: Next hands a route a body stream even for an
 * empty POST (the admin's logout sends no Content-Type and no body).
 */
const hasBody = (request: Request) => Number(request.headers.get('content-length') ?? 0) > 0 || request.headers.has('transfer-encoding')

/**
 * A body Payload cannot read on a collection's create or update (text, url-encoded), which its
 * handlers would answer with a 500. The admin's POST that overrides the method to GET sends its
 * query url-encoded: Payload reads that one itself.
 */
function unreadableBody(request: Request, collection: string): Response | undefined {
  if (!['POST', 'PATCH', 'PUT'].includes(request.method)) return undefined
  const type = request.headers.get('content-type') ?? ''
  if (readableBody.test(type) || (!type && !hasBody(request))) return undefined
  const override = request.headers.get('x-payload-http-method-override') ?? request.headers.get('x-http-method-override')
  if (override === 'GET' && /^application\/x-www-form-urlencoded\s*(?:;|$)/i.test(type)) return undefined
  return refuse(
    415,
    'unsupported-media-type',
    `Send the ${collection} document as application/json (or multipart/form-data with a "_payload" field), not ${type.split(';')[0] || 'a body without Content-Type'}.`,
  )
}

/**
 * Refuses REST requests that Payload would answer with a 500 because the input is bad, with the
 * Center's one error shape: broken or NUL-bearing path segments (400), over-long ones (414),
 * bodies other than JSON or multipart on a collection (415), and a collection's versions when it
 * keeps none (404). Undefined when the request may go on to Payload.
 */
export function guardBadInput(request: Request, config: ApiConfig): Response | undefined {
  const segments = apiSegments(request.url, config.routes.api)
  if (!segments) return undefined
  const refused = badPath(segments)
  if (refused) return refused
  const [slug, action] = segments.map((segment) => decodedSegment(segment)!)
  const collection = config.collections.find((each) => each.slug === slug)
  if (!collection) return undefined
  if (action === 'versions' && !collection.versions)
    return refuse(404, 'no-versions', `The ${collection.slug} collection keeps no versions.`)
  return unreadableBody(request, collection.slug)
}

/** A route handler that runs guardBadInput first, so bad input gets a 4xx before Payload sees it. */
export function refusingBadInput<C>(handler: RouteHandler<C>, payload: () => Promise<Payload>): RouteHandler<C> {
  return async (request, context) => guardBadInput(request, (await payload()).config) ?? handler(request, context)
}
