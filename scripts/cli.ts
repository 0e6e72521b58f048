import { Command, CommanderError, Option } from 'commander'

// Commands print data on stdout; the CMS logs JSON on stderr, and only warnings unless asked.
process.env.LOG_LEVEL ??= 'warn'

/** Servers keep running; every other command exits once done, even if a library left a timer behind. */
let keepRunning = false

const program = new Command('center')
  .description('Center: a white-label self-service centre for e-wallets (MPPs).')
  .exitOverride()
  .showHelpAfterError()
  .configureHelp({ sortSubcommands: false })

const tenantOption = () => new Option('--tenant <slug>', "the MPP's slug").makeOptionMandatory()

program
  .command('start')
  .description('seed the demo content when needed, build every MPP, serve the CMS, the site and the sandbox MPP')
  .addHelpText('after', '\nEnvironment: CMS_PORT (3000), SITE_PORT (4321), MPP_PORT (4010), HOST (127.0.0.1), DATABASE_URL, TRUST_PROXY.')
  .action(async () => {
    keepRunning = true
    await (await import('./lib/start')).start()
  })

program
  .command('seed')
  .description('load content/tenants (or --from) into the database, idempotently, with demo users')
  .option('--from <dir>', 'a folder of snapshot files instead of content/tenants')
  .action(async (options) => (await import('./commands/seed')).seedCommand(options))

program
  .command('export')
  .description("print an MPP's published content as a snapshot")
  .addOption(tenantOption())
  .option('--out <file>', 'write it to a file instead of stdout')
  .action(async (options) => (await import('./commands/exportTenant')).exportCommand(options))

program
  .command('build')
  .description("export and build one MPP's site, or every MPP's, and switch it live")
  .option('--tenant <slug>', 'only this MPP')
  .action(async (options) => (await import('./commands/build')).buildCommand(options))

program
  .command('rebuild')
  .description("queue a rebuild of an MPP's site; the running CMS (center start) builds it")
  .addOption(tenantOption())
  .action(async (options) => (await import('./commands/rebuild')).rebuildCommand(options))

program
  .command('rollback')
  .description("switch an MPP's site back to the previous kept build (or --to)")
  .addOption(tenantOption())
  .option('--to <build>', 'the kept build to go back to')
  .action(async (options) => (await import('./commands/rebuild')).rollbackCommand(options))

program
  .command('ask')
  .description("print the ask box's answer as JSON: { match, score, alternatives }; - reads one question per line on stdin")
  .argument('[question...]', 'what the user asks, or - to read questions from stdin')
  .option('--tenant <slug>', 'the MPP')
  .option('--locale <locale>', 'the page locale')
  .option('--eval <file>', 'score an evaluation file (JSON lines: tenant, locale, query, expected) per MPP and locale')
  .addOption(new Option('--half <half>', 'only this half of the evaluation file').choices(['tune', 'heldout']))
  .option('--misses', 'with --eval: list the questions answered wrongly')
  .option('--json', 'with --eval: print the figures as JSON')
  .action(async (words: string[], options) => (await import('./commands/ask')).askCommand(words, options))

program
  .command('popularity')
  .description('recompute the popular questions from user feedback now (the CMS does it within a minute)')
  .option('--tenant <slug>', 'only this MPP')
  .action(async (options) => (await import('./commands/tenants')).popularityCommand(options))

program
  .command('tenants')
  .description('list the MPPs')
  .option('--json', 'as JSON')
  .action(async (options) => (await import('./commands/tenants')).tenantsCommand(options))

program
  .command('mpp')
  .description('run the sandbox MPP alone (MPP_PORT, default 4010)')
  .action(async () => {
    keepRunning = true
    await (await import('./commands/servers')).mppCommand()
  })

program
  .command('serve')
  .description('serve the live sites alone (SITE_PORT, default 4321)')
  .action(async () => {
    keepRunning = true
    await (await import('./commands/servers')).serveCommand()
  })

program
  .command('token')
  .description('print a demo user token signed by the sandbox MPP')
  .addOption(tenantOption())
  .option('--user <id>', 'the wallet user', 'demo-user')
  .action(async (options) => (await import('./commands/servers')).tokenCommand(options))

program
  .command('ensure-browser')
  .description("install Debian's chromium and fonts for the browser tests (as root)")
  .action(async () => (await import('./lib/browser')).ensureBrowser((line) => console.log(line)))

program
  .command('bench')
  .description('measure build speed, publish-to-live, page weight, Lighthouse, search and API load; writes bench/results/<date>.json')
  .option('--tenants <n>', 'generated MPPs')
  .option('--locales <n>', 'locales per generated MPP')
  .option('--qas <n>', 'Q&As per generated MPP and locale')
  .option('--index-qas <n>', 'Q&As in the large search index')
  .option('--only <sections>', 'a comma-separated subset of build,rebuild,weight,lighthouse,search,api')
  .option('--pages <types>', 'Lighthouse only these page types (comma-separated, e.g. bills,agreements)')
  .option('--out <file>', 'where to write the results')
  .action(async (options) => (await import('./commands/bench')).benchCommand(options))

/** Exit codes: 0 for help, 2 for a command line that cannot be run (usage errors), 1 when the work fails. */
program
  .parseAsync(process.argv)
  .then(() => {
    if (!keepRunning) process.exit()
  })
  .catch((error: unknown) => {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2)
    console.error(`center: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
