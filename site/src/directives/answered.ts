import type { ClientDirective } from 'astro'

import { firstAnswerEvent, firstAnswerFlag } from '../lib/resultsPage'

/**
 * Hydrates the results page's island once the page has drawn its first answer without React
 * (lib/firstAnswer.ts), so React's download does not delay that answer; or at once when the user
 * types first, and the island then reads what was typed.
 */
const answered: ClientDirective = (load, _options, element) => {
  let started = false
  const start = async () => {
    if (started) return
    started = true
    removeEventListener(firstAnswerEvent, start)
    element.removeEventListener('input', start)
    const hydrate = await load()
    await hydrate()
  }
  if (document.documentElement.hasAttribute(firstAnswerFlag)) return void start()
  addEventListener(firstAnswerEvent, start)
  element.addEventListener('input', start)
}

export default answered
