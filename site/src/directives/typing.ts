import type { ClientDirective } from 'astro'

/**
 * Hydrates an island when the user first types into it, so a content page downloads no
 * JavaScript before someone searches. The island reads what was typed meanwhile when it mounts.
 */
const typing: ClientDirective = (load, _options, element) => {
  const start = async () => {
    element.removeEventListener('input', start)
    const hydrate = await load()
    await hydrate()
  }
  element.addEventListener('input', start)
}

export default typing
