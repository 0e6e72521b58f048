/** Writes docs/center-api.yaml from content/centerApi.ts (npm run contract:center). */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { stringify } from 'yaml'

import { centerApiDocument } from '../content/centerApiDocument'

export const centerApiPath = fileURLToPath(new URL('../docs/center-api.yaml', import.meta.url))
export const centerApiYaml = () => stringify(centerApiDocument(), { lineWidth: 0 })

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(centerApiPath, centerApiYaml())
  console.log(`Wrote ${centerApiPath}`)
}
