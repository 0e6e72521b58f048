import { peerAddressHeader } from '../../cms/lib/requests'

type RouteModule = Record<
  'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
>

/** Next hands a catch-all route its segments decoded; a segment it cannot decode stays as it came. */
function nextParams(pathname: string): string[] {
  return pathname
    .replace(/^\/api\//, '')
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment)
      } catch (error) {
        if (error instanceof URIError) return segment
        throw error
      }
    })
}

export type Answer = { status: number; type: string | null; body: any }

/**
 * Calls the CMS's REST route (`cms/app/(payload)/api/[...slug]/route.ts`, the handlers Next
 * serves, wrapped as in production) in this process with a raw URL, as an HTTP client would send
 * it. The spec file must mock `@payload-config` with the CMS config first.
 */
export async function callRest(method: keyof RouteModule, path: string, init: RequestInit = {}): Promise<Answer> {
  const route = (await import('../../cms/app/(payload)/api/[...slug]/route')) as unknown as RouteModule
  const url = new URL(path, 'http://center.test')
  // The CMS server stamps every request with its socket's address (cms/lib/peerAddress.ts); a local client's here.
  const headers = new Headers(init.headers)
  if (!headers.has(peerAddressHeader)) headers.set(peerAddressHeader, '127.0.0.1')
  const response = await route[method](new Request(url, { method, ...init, headers }), {
    params: Promise.resolve({ slug: nextParams(url.pathname) }),
  })
  const text = await response.text()
  const type = response.headers.get('content-type')
  return { status: response.status, type, body: type?.includes('json') && text ? JSON.parse(text) : text }
}
