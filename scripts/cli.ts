import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'

// Commands print data on stdout; the CMS logs JSON on stderr, and only warnings unless asked.
process.env.LOG_LEVEL ??= 'warn'

const usage = `Usage: center <command> [options]

Commands:
  start                      seed an empty database, build every tenant, serve CMS, site and sandbox MPP
  seed [--from <dir>]        load content/tenants (or <dir>) into the database, idempotently, with demo users
  export --tenant <slug>     print a tenant's published content as a snapshot (or --out <file>)
  build [--tenant <slug>]    export and build one tenant's site, or every tenant's, and switch it live
  rebuild --tenant <slug>    queue a rebuild of that tenant's site; the running CMS (center start) builds it
  rollback --tenant <slug> [--to <build>]   switch the tenant's site back to the previous kept build (or <build>)
  ask --tenant <slug> --locale <l> "<question>"   print the ask box's answer as JSON: { match, score, alternatives }
  popularity [--tenant <slug>]   recompute the popular questions from user feedback now (the CMS does it within a minute of feedback)
  tenants [--json]           list the tenants
  mpp                        run the sandbox MPP alone (MPP_PORT, default 4010)
  serve                      serve the live sites alone (SITE_PORT, default 4321)
  token --tenant <slug> [--user <id>]   print a demo user token signed by the sandbox MPP
  ensure-browser             install Debian's chromium and fonts-noto-cjk for the browser tests (as root)
  bench [--tenants N --locales L --qas Q --index-qas 5000] [--only build,rebuild,weight,lighthouse,search,api] [--out <file>]
                             measure build speed (against bare Astro), publish-to-live, page weight, Lighthouse,
                             search and CMS API latency; prints a Markdown table, writes bench/results/<date>.json`

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    tenant: { type: 'string' },
    locale: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    user: { type: 'string', default: 'demo-user' },
    tenants: { type: 'string' },
    locales: { type: 'string' },
    qas: { type: 'string' },
    'index-qas': { type: 'string' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
})

const [command] = positionals

async function withCms<T>(work: (payload: Awaited<ReturnType<typeof import('./lib/cms').openCms>>) => Promise<T>): Promise<T> {
  const { openCms } = await import('./lib/cms')
  const payload = await openCms()
  try {
    return await work(payload)
  } finally {
    await payload.destroy()
  }
}

function requireTenant(): string {
  if (!values.tenant) throw new Error(`center ${command} needs --tenant <slug>`)
  return values.tenant
}

async function main(): Promise<void> {
  switch (command) {
    case 'start':
      return (await import('./lib/start')).start()
    case 'seed': {
      const { readSnapshots } = await import('../content/files')
      const snapshots = readSnapshots(values.from)
      const { seed } = await import('../cms/seed')
      const demoUsers = process.env.NODE_ENV !== 'production'
      // Images sit beside the snapshots' folder: content/tenants/*.json name files in content/media.
      const mediaDir = values.from ? join(values.from, '..', 'media') : undefined
      const report = await withCms((payload) => seed(payload, snapshots, { demoUsers, mediaDir }))
      console.log(`Seed: ${report.created} created, ${report.existing} already there.`)
      return
    }
    case 'export': {
      const slug = requireTenant()
      const { describeSkipped, exportTenant } = await import('../cms/publish/exportSnapshot')
      const { snapshot, skipped } = await withCms((payload) => exportTenant(payload, slug))
      for (const document of skipped) console.warn(`Warning: ${describeSkipped(document)}`)
      const json = JSON.stringify(snapshot, null, 2)
      if (values.out) writeFileSync(values.out, json)
      else console.log(json)
      return
    }
    case 'build': {
      const { describeSkipped, exportTenant, listTenants } = await import('../cms/publish/exportSnapshot')
      const { buildTenant } = await import('../cms/publish/buildSite')
      const { portFrom } = await import('./lib/ports')
      const sandboxOrigin = `http://localhost:${portFrom(process.env, 'MPP_PORT', 4010)}`
      await withCms(async (payload) => {
        const slugs = values.tenant ? [values.tenant] : (await listTenants(payload)).map((t) => t.slug)
        for (const slug of slugs) {
          const { snapshot, skipped } = await exportTenant(payload, slug)
          const result = await buildTenant(snapshot, { sandboxOrigin })
          for (const warning of [...skipped.map(describeSkipped), ...result.warnings]) console.warn(`Warning: ${warning}`)
          console.log(`Built ${slug}: build ${result.buildId} in ${result.seconds.toFixed(1)} s, now live.`)
        }
      })
      return
    }
    case 'rebuild': {
      const slug = requireTenant()
      const { queueFromCli } = await import('../cms/publish/commands')
      const { buildId, coalesced } = await withCms((payload) => queueFromCli(payload, slug))
      console.log(
        coalesced
          ? `A rebuild of ${slug} was already queued: build ${buildId}.`
          : `Queued build ${buildId} of ${slug}; the running CMS builds it.`,
      )
      return
    }
    case 'rollback': {
      const slug = requireTenant()
      const { rollbackFromCli } = await import('../cms/publish/commands')
      const { from, to } = await withCms((payload) => rollbackFromCli(payload, slug, values.to))
      console.log(`Rolled ${slug} back from build ${from ?? 'none'} to ${to}; it is live.`)
      return
    }
    case 'ask': {
      const slug = requireTenant()
      const question = positionals.slice(1).join(' ')
      if (!values.locale) throw new Error('center ask needs --locale <locale>')
      const { askFromCms } = await import('./lib/ask')
      console.log(JSON.stringify(await withCms((payload) => askFromCms(payload, slug, values.locale!, question)), null, 2))
      return
    }
    case 'popularity': {
      const { listTenants } = await import('../cms/publish/exportSnapshot')
      const { recomputePopularity } = await import('../cms/ask/popularity')
      await withCms(async (payload) => {
        const slugs = values.tenant ? [values.tenant] : (await listTenants(payload)).map((t) => t.slug)
        for (const slug of slugs)
          console.log(
            `${slug}: popularity of ${(await recomputePopularity(payload, slug)).length} Q&As recomputed; the next rebuild shows it.`,
          )
      })
      return
    }
    case 'tenants': {
      const { listTenants } = await import('../cms/publish/exportSnapshot')
      const tenants = await withCms(listTenants)
      if (values.json)
        console.log(
          JSON.stringify(
            tenants.map(({ slug, name, locales }) => ({ slug, name, locales })),
            null,
            2,
          ),
        )
      else for (const t of tenants) console.log(`${t.slug}\t${t.name}\t${t.locales.join(',')}`)
      return
    }
    case 'mpp': {
      const { startSandbox } = await import('../mpp/sandbox/server')
      const { portFrom } = await import('./lib/ports')
      const sandbox = await startSandbox(portFrom(process.env, 'MPP_PORT', 4010))
      console.log(`Sandbox MPP on ${sandbox.url}`)
      return
    }
    case 'serve': {
      const { startSite } = await import('./lib/serve')
      const { portFrom } = await import('./lib/ports')
      const site = await startSite(portFrom(process.env, 'SITE_PORT', 4321))
      console.log(`Site on ${site.url}`)
      return
    }
    case 'ensure-browser': {
      const { ensureBrowser } = await import('./lib/browser')
      ensureBrowser((line) => console.log(line))
      return
    }
    case 'token': {
      const { issueToken } = await import('../mpp/sandbox/tokens')
      console.log(await issueToken(requireTenant(), values.user))
      return
    }
    case 'bench': {
      const { parseBenchOptions } = await import('./bench/options')
      const options = parseBenchOptions(values)
      // Everything the bench writes (its SQLite database, builds) goes to a throwaway data folder,
      // set before any module reads it.
      const scratch = mkdtempSync(join(tmpdir(), 'center-bench-'))
      process.env.CENTER_DATA_DIR = scratch
      process.env.DATABASE_URL = `file:${join(scratch, 'center.db')}`
      try {
        const { resultsFile, runBench } = await import('./bench/index')
        const { markdownReport } = await import('./bench/report')
        const result = await runBench(options, (line) => console.error(line))
        const file = values.out ?? resultsFile(result.date)
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
        console.log(markdownReport(result))
        console.error(`Results written to ${file}`)
        if (Object.keys(result.errors).length) process.exitCode = 1
      } finally {
        rmSync(scratch, { recursive: true, force: true })
      }
      return
    }
    default:
      console.log(usage)
      if (!values.help && command !== 'help') process.exitCode = command ? 2 : 0
  }
}

// Servers keep running; one-shot commands exit as soon as they are done, even if a library
// left a timer behind.
const longRunning = new Set(['start', 'mpp', 'serve'])

main()
  .then(() => {
    if (!longRunning.has(command ?? '')) process.exit()
  })
  .catch((error: unknown) => {
    console.error(`center ${command}: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
