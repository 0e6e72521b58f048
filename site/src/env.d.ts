declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate when the user first types into the island (site/src/directives/typing.ts). */
    'client:typing'?: boolean
    /** Hydrate when the user first clicks one of the island's buttons (site/src/directives/choice.ts). */
    'client:choice'?: boolean
  }
}

export {}
