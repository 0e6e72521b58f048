import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

const modules = join(import.meta.dirname, '..', '..', 'node_modules')
const version = (name: string) => (JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')) as { version: string }).version

describe('Payload packages', () => {
  // The S3 adapter is published one patch behind the other Payload packages; npm overrides must
  // make it use the root copies (a nested one would load a second Payload UI into the admin).
  test.each([
    ['@payloadcms/storage-s3', 'payload'],
    ['@payloadcms/plugin-cloud-storage', 'payload'],
    ['@payloadcms/plugin-cloud-storage', '@payloadcms/ui'],
  ])('%s uses the one installed copy of %s', (parent, name) => {
    expect(existsSync(join(modules, parent, 'node_modules', name))).toBe(false)
    expect(version(name)).toBe(version('payload'))
  })
})
