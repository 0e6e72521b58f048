import type { PayloadEmailAdapter } from 'payload'

/**
 * The Center has no mail transport: an adapter that only logs who an email was for and its
 * subject, never its body (a password-reset link is a credential). Configured explicitly, so
 * Payload does not warn about a missing adapter on every command.
 */
export const logOnlyEmail: PayloadEmailAdapter = ({ payload }) => ({
  name: 'log-only',
  defaultFromAddress: 'center@localhost',
  defaultFromName: 'Center',
  sendEmail: async (message) => {
    payload.logger.info({ to: message.to, subject: message.subject }, 'email not sent: the Center has no mail transport')
  },
})
