declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate when the user first types into the island (site/src/directives/typing.ts). */
    'client:typing'?: boolean
  }
}

export {}
