import { describe, expect, test } from 'vitest'

import { centerApiUrl, siteOrigins } from '../../cms/lib/origins'

describe('Center API origins', () => {
  test('the CORS allowlist is the listed site origins, reduced to their origins', () => {
    expect(siteOrigins({ CENTER_SITE_ORIGINS: 'https://center.example.com/, https://help.wallet.example:8443/x' })).toEqual([
      'https://center.example.com',
      'https://help.wallet.example:8443',
    ])
  })

  test('without a list, the public site URL is let in, or the local site by default', () => {
    expect(siteOrigins({ CENTER_SITE_URL: 'https://center.example.com/lumopay/' })).toEqual(['https://center.example.com'])
    expect(siteOrigins({})).toEqual(['http://localhost:4321'])
  })

  test('built pages call the configured Center API, or the local CMS on its port', () => {
    expect(centerApiUrl({ CENTER_API_URL: 'https://cms.example.com/api/' })).toBe('https://cms.example.com/api')
    expect(centerApiUrl({ CMS_PORT: '3100' })).toBe('http://localhost:3100/api')
  })
})
