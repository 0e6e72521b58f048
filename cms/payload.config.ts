import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { join } from 'node:path'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { isSuperAdmin } from './access/isSuperAdmin'
import { Guides } from './collections/Guides'
import { QaCategories } from './collections/QaCategories'
import { Qas } from './collections/Qas'
import { Tenants } from './collections/Tenants'
import { Users } from './collections/Users'
import { databaseAdapter } from './database'
import { payloadSecret, rootDir } from './env'
import { localization } from './localization'
import { logger } from './logger'
import type { Config } from './payload-types'

const cmsDir = join(rootDir, 'cms')

export default buildConfig({
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: cmsDir, importMapFile: join(cmsDir, 'app', '(payload)', 'admin', 'importMap.js') },
  },
  collections: [Tenants, Users, Guides, QaCategories, Qas],
  db: databaseAdapter(),
  editor: lexicalEditor(),
  localization,
  logger,
  plugins: [
    multiTenantPlugin<Config>({
      collections: { guides: {}, 'qa-categories': {}, qas: {} },
      userHasAccessToAllTenants: isSuperAdmin,
    }),
  ],
  secret: payloadSecret(),
  sharp,
  telemetry: false,
  typescript: { outputFile: join(cmsDir, 'payload-types.ts') },
})
