import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, test } from 'vitest'

import { rootDir } from '../../content/files'

const eslint = new ESLint({ cwd: rootDir })
const fixture = (name: string) => readFileSync(join(rootDir, 'tests', 'fixtures', 'lint', name), 'utf8')
/** The lint's messages for a fixture's text, as if the file sat at `path`. */
const lintAt = async (name: string, path: string) =>
  (await eslint.lintText(fixture(name), { filePath: join(rootDir, path) }))[0]!.messages.map((m) => m.message)

describe('the import boundaries (docs/architecture.md)', () => {
  test.each([
    ['cmsImportsScripts.ts', 'cms/lib/fixture.ts', 'cms must not import scripts'],
    ['siteImportsCms.ts', 'site/src/lib/fixture.ts', 'site must not import cms'],
    ['contentImportsCms.ts', 'content/fixture.ts', 'content must not import cms'],
    ['contractImportsSandbox.ts', 'mpp/contract/fixture.ts', 'contract must not import sandbox'],
  ])(
    '%s, linted as %s, fails with "%s"',
    async (name, path, message) => {
      expect(await lintAt(name, path)).toContainEqual(expect.stringContaining(message))
    },
    60_000,
  )

  test('the same import from scripts, which may import anything, passes', async () => {
    expect(await lintAt('cmsImportsScripts.ts', 'scripts/lib/fixture.ts')).toEqual([])
  }, 60_000)
})
