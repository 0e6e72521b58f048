import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

import { parseBenchOptions } from '../bench/options'

export type BenchFlags = { tenants?: string; locales?: string; qas?: string; indexQas?: string; only?: string; out?: string }

/** `center bench`: measures build speed, publish-to-live, page weight, Lighthouse, search and API load. */
export async function benchCommand(flags: BenchFlags): Promise<void> {
  const options = parseBenchOptions({ ...flags, 'index-qas': flags.indexQas })
  // Everything the bench writes (its SQLite database, builds) goes to a throwaway data folder,
  // set before any module reads it.
  const scratch = mkdtempSync(join(tmpdir(), 'center-bench-'))
  process.env.CENTER_DATA_DIR = scratch
  process.env.DATABASE_URL = `file:${join(scratch, 'center.db')}`
  try {
    const { resultsFile, runBench } = await import('../bench/index')
    const { markdownReport } = await import('../bench/report')
    const result = await runBench(options, (line) => console.error(line))
    const file = flags.out ?? resultsFile(result.date)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
    console.log(markdownReport(result))
    console.error(`Results written to ${file}`)
    if (Object.keys(result.errors).length) process.exitCode = 1
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
