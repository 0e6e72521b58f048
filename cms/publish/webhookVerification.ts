import { Webhook, WebhookVerificationError } from 'standardwebhooks'

import type { ProblemCode } from '../../content/problem'

export type WebhookVerdict = { ok: true } | { ok: false; status: 400 | 401; code: ProblemCode; detail: string }

const refuse = (status: 400 | 401, code: ProblemCode, detail: string): WebhookVerdict => ({ ok: false, status, code, detail })

/**
 * Checks a Standard Webhooks signature (HMAC-SHA256 over `id.timestamp.body`, 5-minute tolerance,
 * constant-time comparison, all by the `standardwebhooks` package) against each of a tenant's
 * secrets, so a rotation can overlap. Says why it refuses.
 */
export function verifyWebhook(body: string, headers: Record<string, string | undefined>, secrets: string[]): WebhookVerdict {
  const wanted = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const
  const missing = wanted.filter((name) => !headers[name])
  if (missing.length) return refuse(400, 'missing-headers', `Missing ${missing.join(', ')}.`)
  if (!/^\d+$/.test(headers['webhook-timestamp']!))
    return refuse(400, 'malformed-timestamp', 'webhook-timestamp must be whole seconds since 1970.')
  if (!secrets.length) return refuse(401, 'no-secret', 'This tenant has no webhook secret.')
  const signed = Object.fromEntries(wanted.map((name) => [name, headers[name]!]))
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(body, signed)
      return { ok: true }
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error
      if (/too old/.test(error.message)) return refuse(401, 'expired', 'webhook-timestamp is more than 5 minutes old.')
      if (/too new/.test(error.message)) return refuse(401, 'expired', 'webhook-timestamp is more than 5 minutes ahead.')
      // No matching signature with this secret: try the next one.
    }
  }
  return refuse(401, 'bad-signature', 'No signature matches a secret of this tenant.')
}
