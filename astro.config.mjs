// @ts-check
import { fileURLToPath } from 'node:url'
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'

// `center build` builds one tenant at a time into its own folder: CENTER_TENANT names it, so
// its assets sit under /<tenant>/ beside its pages, and CENTER_OUT_DIR is the new build folder.
const tenant = process.env.CENTER_TENANT

/**
 * The `client:typing` and `client:choice` directives: islands that wait for the user's first keystroke
 * or click; `client:answered`: the results page's island, which waits for the page's own first answer.
 */
const typingDirective = {
  name: 'center-typing-directive',
  hooks: {
    'astro:config:setup': ({ addClientDirective }) => {
      addClientDirective({ name: 'typing', entrypoint: fileURLToPath(new URL('./site/src/directives/typing.ts', import.meta.url)) })
      addClientDirective({ name: 'choice', entrypoint: fileURLToPath(new URL('./site/src/directives/choice.ts', import.meta.url)) })
      addClientDirective({ name: 'answered', entrypoint: fileURLToPath(new URL('./site/src/directives/answered.ts', import.meta.url)) })
    },
  },
}

export default defineConfig({
  srcDir: './site/src',
  publicDir: './site/public',
  outDir: process.env.CENTER_OUT_DIR ?? './dist',
  // Sitemaps need absolute URLs: the public origin of the Center (CENTER_SITE_URL), local by default.
  site: process.env.CENTER_SITE_URL ?? 'http://localhost:4321',
  integrations: [react(), typingDirective],
  trailingSlash: 'always',
  build: {
    format: 'directory',
    assets: tenant ? `${tenant}/_astro` : '_astro',
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  // Every page gets a Content-Security-Policy <meta> with hashes of the scripts and styles Astro
  // emits (no 'unsafe-inline'); the layout adds the tenant's connect-src and the other directives.
  security: { csp: true },
})
