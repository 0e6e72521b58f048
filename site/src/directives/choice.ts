import type { ClientDirective } from 'astro'

/**
 * Hydrates an island when the user first clicks one of its buttons, so a page downloads no
 * JavaScript before someone answers. The button's `value` is kept on the island as
 * `data-chosen`, and the island acts on it when it mounts.
 */
const choice: ClientDirective = (load, _options, element) => {
  const start = async (event: Event) => {
    const button = (event.target as Element | null)?.closest('button[value]')
    if (!button) return
    element.removeEventListener('click', start)
    element.setAttribute('data-chosen', button.getAttribute('value') ?? '')
    const hydrate = await load()
    await hydrate()
  }
  element.addEventListener('click', start)
}

export default choice
