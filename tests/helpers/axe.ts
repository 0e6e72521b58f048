import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export type AxeProblem = { id: string; impact: string; help: string; targets: string[] }

/** Runs axe-core in the page (or only within the element `within` selects) and returns its serious and critical violations, each with where it is. */
export async function seriousViolations(page: Page, within?: string): Promise<AxeProblem[]> {
  // Evaluated through the DevTools protocol: the pages' Content-Security-Policy refuses an inline <script> tag.
  await page.evaluate(axeSource)
  return page.evaluate(async (within) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document | string,
          ) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }>
        }
      }
    ).axe
    const { violations } = await axe.run(within ?? document)
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact!,
        help: violation.help,
        targets: violation.nodes.map((node) => String(node.target)),
      }))
  }, within)
}
