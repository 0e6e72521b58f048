import { subscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'

import { peerAddressHeader } from './requests'

/** Node publishes here before a server's 'request' listeners run (node:http diagnostics channels). */
const requestStart = 'http.server.request.start'
const installed = Symbol.for('center.peerAddress')

/** Replaces the request's peer header with the socket's remote address: a caller cannot choose it. */
export function stampPeerAddress(request: IncomingMessage): void {
  request.headers[peerAddressHeader] = request.socket.remoteAddress ?? 'unknown'
}

/**
 * Stamps every HTTP request this process serves with its socket's peer address, once per process.
 * Next hands route handlers a Request without the socket, and keeps a caller's X-Forwarded-For
 * as it came (it only fills the header in when it is missing), so the socket is read here.
 */
export function stampPeerAddresses(): void {
  const scope = globalThis as Record<symbol, unknown>
  if (scope[installed]) return
  scope[installed] = true
  subscribe(requestStart, (message) => stampPeerAddress((message as { request: IncomingMessage }).request))
}
