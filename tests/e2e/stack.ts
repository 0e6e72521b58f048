import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

import { startCenter, stopCenter } from '../helpers/center'
import { freePort } from '../helpers/freePort'

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string
    siteUrl: string
    mppUrl: string
    startOutput: string
    /** The folder `center start` serves the live sites from. */
    liveDir: string
  }
}

/** Runs the whole Center, as `npm start` does, on a throwaway data folder and free ports. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'center-e2e-'))
  const [cms, site, mpp] = [await freePort(), await freePort(), await freePort()]
  const { child, output } = await startCenter({
    CENTER_DATA_DIR: dataDir,
    CMS_PORT: String(cms),
    SITE_PORT: String(site),
    MPP_PORT: String(mpp),
    DATABASE_URL: '',
    PAYLOAD_SECRET: '',
  })
  project.provide('cmsUrl', `http://localhost:${cms}`)
  project.provide('siteUrl', `http://localhost:${site}`)
  project.provide('mppUrl', `http://localhost:${mpp}`)
  project.provide('startOutput', output())
  project.provide('liveDir', join(dataDir, 'site', 'live'))
  return async () => {
    const code = await stopCenter(child)
    rmSync(dataDir, { recursive: true, force: true })
    // Ctrl-C must stop everything cleanly: a failing exit here fails the run.
    if (code !== 0) throw new Error(`center start exited with ${code} on Ctrl-C:\n${output().slice(-2000)}`)
  }
}
