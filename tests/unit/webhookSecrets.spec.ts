import { describe, expect, test } from 'vitest'

import { newWebhookSecret, secretHint } from '../../cms/lib/webhookSecrets'

describe('webhook secrets', () => {
  test('a new secret is "whsec_" and 24 random bytes in base64, a different one each time', () => {
    const secret = newWebhookSecret()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(24)
    expect(newWebhookSecret()).not.toBe(secret)
  })

  test('the hint shows only the last four characters', () => {
    expect(secretHint('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toBe('whsec_…LaSw')
  })
})
