/**
 * zod/mini as every schema the browser runs should import it. Zod compiles parsers with
 * `new Function` unless told not to, and under the site's CSP (no 'unsafe-eval') even its probe
 * is reported as a violation. The setting is global, so it must load with whichever schema an
 * island parses first: the bills island reaches only the MPP contract, the rewards island only
 * the Center API.
 */
import { z } from 'zod/mini'

z.config({ jitless: true })

export { z }
