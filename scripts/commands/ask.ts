import { createInterface } from 'node:readline'

import { asker } from '../../content/ask'
import type { Snapshot } from '../../content/schema'
import { checkLocale, evaluateAsk, figuresTable, indexFor, publishedSnapshot, readCases } from '../lib/ask'
import { withCms } from './withCms'

type Options = { tenant?: string; locale?: string; eval?: string; half?: 'tune' | 'heldout'; misses?: boolean; json?: boolean }

/**
 * `center ask`: the ask box's answer over the MPP's published content. One question as arguments
 * prints one JSON object; `-` reads one question per line on stdin and prints one JSON line each;
 * `--eval FILE` scores an evaluation file per MPP and locale.
 */
export async function askCommand(words: string[], options: Options): Promise<void> {
  if (options.eval) return evalCommand(options.eval, options)
  if (!options.tenant || !options.locale) throw new Error('center ask needs --tenant and --locale (or --eval FILE)')
  const locale = checkLocale(options.locale)
  const fromStdin = words.length === 1 && words[0] === '-'
  if (!fromStdin && !words.join(' ').trim())
    throw new Error(
      'center ask needs a question, e.g. center ask --tenant lumopay --locale en "how long does a refund take", or - to read stdin',
    )
  const snapshot = await withCms((payload) => publishedSnapshot(payload, options.tenant!))
  const ask = asker(indexFor(snapshot, locale))
  if (!fromStdin) return console.log(JSON.stringify(ask(words.join(' ')), null, 2))
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    process.stdout.write(`${JSON.stringify(ask(line))}\n`)
  }
}

async function evalCommand(file: string, options: Options): Promise<void> {
  const cases = readCases(file, options.tenant).filter((c) => !options.half || c.half === options.half)
  const tenants = [...new Set(cases.map((c) => c.tenant))]
  if (tenants.includes(undefined)) throw new Error(`${file} has cases without a tenant: give --tenant`)
  const snapshots = await withCms(async (payload) => {
    const found: Snapshot[] = []
    for (const slug of tenants as string[]) found.push(await publishedSnapshot(payload, slug))
    return found
  })
  const figures = snapshots.flatMap((snapshot) =>
    evaluateAsk(
      snapshot,
      cases.filter((c) => c.tenant === snapshot.tenant.slug),
    ),
  )
  if (options.json) return console.log(JSON.stringify(figures.map(({ misses, ...f }) => (options.misses ? { ...f, misses } : f))))
  console.log(figuresTable(figures))
  if (options.misses)
    for (const f of figures)
      for (const m of f.misses)
        console.log(`${f.tenant} ${f.locale} ${JSON.stringify(m.query)} expected ${m.expected} got ${m.got} shown ${m.shown.join(',')}`)
}
