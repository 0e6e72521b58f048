/**
 * The host bridge: how a Center page asks the wallet app that opened it for a fresh user token
 * when the one it has expired. The contract is in docs/host-bridge.md; this file is its page side.
 */

/** What the page sends the host: which MPP's Center needs a token. */
export type TokenRequest = { type: 'center:token-request'; version: 1; tenant: string }

/** What the host may answer: a fresh token, or that it has none to give (the user signed out, say). */
export type HostAnswer = { kind: 'token'; token: string } | { kind: 'unavailable' }

/** How long the page waits for the host before it tells the user to reopen the Center from the app. */
export const hostAnswerMs = 4000

/** The request the page sends for a tenant. */
export const tokenRequest = (tenant: string): TokenRequest => ({ type: 'center:token-request', version: 1, tenant })

/** The claims of a JWT, unverified (the MPP API verifies it), or null when the text is no JWT. */
export function jwtClaims(token: string): Record<string, unknown> | null {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts.every((part) => /^[\w-]+$/.test(part))) return null
  try {
    const json = atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'))
    const claims: unknown = JSON.parse(json)
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export type AnswerContext = {
  tenant: string
  /** The page's own origin: answers a native webview injects into the page come from it. */
  ownOrigin: string
  /** Origins allowed to frame the Center (CENTER_FRAME_ANCESTORS), the only ones trusted as a parent. */
  hostOrigins: readonly string[]
  /** Whether the message came from the page's own window or from the frame's parent. */
  from: 'self' | 'parent' | 'other'
  now: number
}

/**
 * A host's message read as an answer for this tenant, or null when it is none: from another
 * window or origin, another shape, another tenant, or a token that is not a live JWT of this MPP.
 */
export function readHostAnswer(data: unknown, origin: string, context: AnswerContext): HostAnswer | null {
  const trusted =
    (context.from === 'self' && origin === context.ownOrigin) || (context.from === 'parent' && context.hostOrigins.includes(origin))
  if (!trusted) return null
  // A React Native or Android host can only send strings; it may send the object as JSON.
  let message = data
  if (typeof message === 'string') {
    try {
      message = JSON.parse(message)
    } catch {
      return null
    }
  }
  if (!message || typeof message !== 'object') return null
  const { type, tenant, token } = message as Record<string, unknown>
  if (tenant !== context.tenant) return null
  if (type === 'center:token-unavailable') return { kind: 'unavailable' }
  if (type !== 'center:token' || typeof token !== 'string' || token.length > 8192) return null
  const claims = jwtClaims(token)
  if (!claims || claims.iss !== context.tenant || typeof claims.exp !== 'number' || claims.exp * 1000 <= context.now) return null
  return { kind: 'token', token }
}

/** The origins a framed page posts its request to: each listed host origin, its own for 'self'. */
export function parentTargets(hostOrigins: readonly string[], ownOrigin: string): string[] {
  return [...new Set(hostOrigins.map((origin) => (origin === "'self'" ? ownOrigin : origin)))]
}

/** The host origins from CENTER_FRAME_ANCESTORS at build time: the same list that may frame the Center. */
export function hostOriginsFrom(env: Record<string, string | undefined> = process.env): string[] {
  return (env.CENTER_FRAME_ANCESTORS ?? '').split(/[\s,]+/).filter((origin) => origin === "'self'" || /^https?:\/\/[^/\s;]+$/.test(origin))
}

type BridgeWindow = Window & {
  ReactNativeWebView?: { postMessage: (message: string) => void }
  webkit?: { messageHandlers?: { center?: { postMessage: (message: unknown) => void } } }
  CenterAndroid?: { postMessage: (message: string) => void }
}

/**
 * Asks the host for a fresh token through every channel there is (React Native WebView, iOS
 * WKWebView's `center` handler, an Android JavaScript interface, the parent of a frame, and a
 * `center:token-request` DOM event for scripts the host injects) and resolves with the host's
 * answer, or null when nobody answers within `timeoutMs`.
 */
export function askHostForToken(
  tenant: string,
  hostOrigins: readonly string[],
  timeoutMs = hostAnswerMs,
  win = window,
): Promise<HostAnswer | null> {
  const bridge = win as BridgeWindow
  const request = tokenRequest(tenant)
  const ownOrigin = win.location.origin
  const framed = win.parent !== win
  return new Promise((resolve) => {
    const finish = (answer: HostAnswer | null) => {
      win.clearTimeout(timer)
      win.removeEventListener('message', onMessage)
      resolve(answer)
    }
    const onMessage = (event: MessageEvent) => {
      const from = event.source === win ? 'self' : framed && event.source === win.parent ? 'parent' : 'other'
      const answer = readHostAnswer(event.data, event.origin, {
        tenant,
        ownOrigin,
        hostOrigins: parentTargets(hostOrigins, ownOrigin),
        from,
        now: Date.now(),
      })
      if (answer) finish(answer)
    }
    win.addEventListener('message', onMessage)
    const timer = win.setTimeout(() => finish(null), timeoutMs)
    const json = JSON.stringify(request)
    bridge.ReactNativeWebView?.postMessage(json)
    bridge.webkit?.messageHandlers?.center?.postMessage(request)
    bridge.CenterAndroid?.postMessage(json)
    if (framed) for (const origin of parentTargets(hostOrigins, ownOrigin)) win.parent.postMessage(request, origin)
    win.dispatchEvent(new CustomEvent('center:token-request', { detail: request }))
  })
}
