import { randomBytes } from 'node:crypto'

/** A new webhook signing secret in the Standard Webhooks form: "whsec_" and 24 random bytes in base64. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`

/** What the admin may show of a secret after it was created: enough to tell secrets apart, never enough to use one. */
export const secretHint = (secret: string): string => `whsec_…${secret.slice(-4)}`
