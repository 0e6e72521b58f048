declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate when the user first types into the island (site/src/directives/typing.ts). */
    'client:typing'?: boolean
    /** Hydrate when the user first clicks one of the island's buttons (site/src/directives/choice.ts). */
    'client:choice'?: boolean
    /** Hydrate once the results page has drawn its first answer, or when the user types (site/src/directives/answered.ts). */
    'client:answered'?: boolean
  }
}

export {}
