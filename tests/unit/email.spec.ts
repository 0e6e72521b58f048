import type { Payload } from 'payload'
import { describe, expect, test, vi } from 'vitest'

import { logOnlyEmail } from '../../cms/lib/email'

describe('email', () => {
  test('an email is logged with its recipient and subject, never its body (a reset link is a credential)', async () => {
    const info = vi.fn()
    const adapter = logOnlyEmail({ payload: { logger: { info } } as unknown as Payload })
    await adapter.sendEmail({
      to: 'editor@lumopay.example',
      subject: 'Reset your password',
      html: '<a href="https://center.example/admin/reset/secret-token">Reset</a>',
      text: 'https://center.example/admin/reset/secret-token',
    })
    expect(info).toHaveBeenCalledOnce()
    expect(info.mock.calls[0]![0]).toEqual({ to: 'editor@lumopay.example', subject: 'Reset your password' })
    expect(JSON.stringify(info.mock.calls)).not.toContain('secret-token')
  })
})
