import { join } from 'node:path'
import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { isSuperAdmin } from './access/isSuperAdmin'
import { recomputePopularity } from './ask/recomputePopularity'
import { Builds } from './collections/Builds'
import { Campaigns } from './collections/Campaigns'
import { Feedback } from './collections/Feedback'
import { Guides } from './collections/Guides'
import { Media } from './collections/Media'
import { Popularity } from './collections/Popularity'
import { QaCategories } from './collections/QaCategories'
import { Qas } from './collections/Qas'
import { ReviewRequests } from './collections/ReviewRequests'
import { RewardClaims } from './collections/RewardClaims'
import { Synonyms } from './collections/Synonyms'
import { Tenants } from './collections/Tenants'
import { TutorialProgress } from './collections/TutorialProgress'
import { Users } from './collections/Users'
import { Vouchers } from './collections/Vouchers'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { markDataUrl } from './components/centerMark'
import { databaseAdapter } from './database'
import { health, ready } from './endpoints/health'
import { payloadSecret, rootDir } from './env'
import { contentEditor } from './fields/richText'
import { i18n } from './i18n'
import { fieldLabels } from './i18n/fieldLabels'
import { logOnlyEmail } from './lib/email'
import { cmsOrigins, siteOrigins } from './lib/origins'
import { localization } from './localization'
import { logger } from './logger'
import type { Config } from './payload-types'
import { rebuildTenant } from './publish/job'
import { startRebuildRunnerOnce } from './publish/runner'
import { rebuildWebhook } from './publish/webhook'
import { claimVoucher } from './rewards/endpoints/claimVoucher'
import { liveRewards } from './rewards/endpoints/liveRewards'
import { myRewards } from './rewards/endpoints/myRewards'
import { tutorialProgress } from './rewards/endpoints/tutorialProgress'
import { mediaStorage } from './storage'

const cmsDir = join(rootDir, 'cms')

export default buildConfig({
  admin: {
    user: Users.slug,
    avatar: 'default',
    components: {
      beforeDashboard: ['/components/MppDashboard#MppDashboard'],
      graphics: { Logo: '/components/CenterLogo#CenterLogo', Icon: '/components/CenterLogo#CenterIcon' },
    },
    meta: { titleSuffix: ' · Center', icons: [{ rel: 'icon', type: 'image/svg+xml', url: markDataUrl }] },
    importMap: { baseDir: cmsDir, importMapFile: join(cmsDir, 'app', '(payload)', 'admin', 'importMap.js') },
  },
  collections: [
    Tenants,
    Users,
    Guides,
    QaCategories,
    Qas,
    Synonyms,
    Campaigns,
    Vouchers,
    RewardClaims,
    TutorialProgress,
    Media,
    Builds,
    WebhookDeliveries,
    Feedback,
    Popularity,
    ReviewRequests,
  ],
  // Built pages on the site's origins call the Center API (rewards, feedback) from the browser;
  // a voucher claim carries an Idempotency-Key.
  cors: { origins: siteOrigins(), headers: ['Idempotency-Key'] },
  // A cookie counts only on requests from the admin's own origin: a page elsewhere cannot act as a signed-in editor.
  csrf: cmsOrigins(),
  db: databaseAdapter(),
  editor: contentEditor,
  email: logOnlyEmail,
  i18n,
  endpoints: [rebuildWebhook, health, ready, liveRewards, myRewards, tutorialProgress, claimVoucher],
  jobs: {
    // Scheduled publishing runs as a job; the long-lived CMS server picks due jobs up every minute.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }],
    enableConcurrencyControl: true,
    tasks: [rebuildTenant, recomputePopularity],
  },
  localization,
  logger,
  // Rebuilds run in the CMS server itself, polled every second, not on autoRun's one-minute cron.
  onInit: startRebuildRunnerOnce,
  plugins: [
    multiTenantPlugin<Config>({
      collections: {
        guides: {},
        'qa-categories': {},
        qas: {},
        synonyms: {},
        campaigns: {},
        vouchers: {},
        'reward-claims': {},
        media: {},
        builds: {},
        feedback: {},
        popularity: {},
        'review-requests': {},
      },
      tenantField: { label: fieldLabels.shared.tenant },
      // The users' MPPs and their role in each: Users adds the plugin's field itself, to label it (cms/collections/Users).
      tenantsArrayField: { includeDefaultField: false },
      userHasAccessToAllTenants: isSuperAdmin,
    }),
    mediaStorage(),
  ],
  secret: payloadSecret(),
  sharp,
  telemetry: false,
  typescript: { outputFile: join(cmsDir, 'payload-types.ts') },
  upload: { limits: { fileSize: 5_000_000 } },
})
