import { describe, expect, test } from 'vitest'

import { portFrom } from '../../scripts/lib/ports'

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv

describe('ports', () => {
  test('a port comes from its variable, or the default when the variable is unset or empty', () => {
    expect(portFrom(env({ CENTER_PORT: '4100' }), 'CENTER_PORT', 3000)).toBe(4100)
    expect(portFrom(env({}), 'CENTER_PORT', 3000)).toBe(3000)
    expect(portFrom(env({ CENTER_PORT: '' }), 'CENTER_PORT', 3000)).toBe(3000)
  })

  test('a value that is not a port number is refused, naming the variable and the value', () => {
    for (const raw of ['http', '80.5', '-1', '65536'])
      expect(() => portFrom(env({ CENTER_PORT: raw }), 'CENTER_PORT', 3000)).toThrow(`CENTER_PORT must be a port number, not "${raw}"`)
  })
})
