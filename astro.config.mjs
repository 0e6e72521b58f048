// @ts-check
import react from '@astrojs/react'
import { defineConfig } from 'astro/config'

// `center build` builds one tenant at a time into its own folder: CENTER_TENANT names it, so
// its assets sit under /<tenant>/ beside its pages, and CENTER_OUT_DIR is the new build folder.
const tenant = process.env.CENTER_TENANT

export default defineConfig({
  srcDir: './site/src',
  publicDir: './site/public',
  outDir: process.env.CENTER_OUT_DIR ?? './dist',
  integrations: [react()],
  trailingSlash: 'always',
  build: {
    format: 'directory',
    assets: tenant ? `${tenant}/_astro` : '_astro',
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
})
