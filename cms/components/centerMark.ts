/** The Center's mark, drawn once for the admin's logo, icon and favicon: a speech bubble with a check. */
export const mark = {
  colour: '#1f4f8f',
  bubble: 'M9 10.5h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-7l-4.5 3.5v-3.5H9a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2Z',
  check: 'm12.5 16 2.3 2.3 4.7-4.6',
} as const

/** The mark as a data URL, for the favicon: no file is served for it. */
export const markDataUrl = `data:image/svg+xml,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="${mark.colour}"/>` +
    `<path d="${mark.bubble}" fill="#fff"/>` +
    `<path d="${mark.check}" fill="none" stroke="${mark.colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`,
)}`
