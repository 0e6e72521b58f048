/**
 * Next runs this once when the CMS server starts, before it serves a request: it remembers that
 * context for work that must not hold a request (see outsideRequests), and from then on every
 * request carries the address of the socket it came on, which the rate limits key on.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { captureOutsideRequests } = await import('./lib/outsideRequests')
  captureOutsideRequests()
  const { stampPeerAddresses } = await import('./lib/peerAddress')
  stampPeerAddresses()
}
