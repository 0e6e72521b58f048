import { ar } from '@payloadcms/translations/languages/ar'
import { en } from '@payloadcms/translations/languages/en'
import { id } from '@payloadcms/translations/languages/id'
import { ja } from '@payloadcms/translations/languages/ja'
import { ko } from '@payloadcms/translations/languages/ko'
import { th } from '@payloadcms/translations/languages/th'
import { vi } from '@payloadcms/translations/languages/vi'
import { zh } from '@payloadcms/translations/languages/zh'
import { zhTw } from '@payloadcms/translations/languages/zhTw'
import type { Config } from 'payload'

import { adminTranslations } from './translations'

/**
 * The admin in its editors' languages: every one of the site's locales that Payload ships a
 * translation for (it has none for Malay or Filipino). An editor picks one in their account
 * (Payload keeps it in the `payload-lng` cookie); otherwise the browser's language decides.
 */
const supportedLanguages = { en, ja, ar, ko, zh, 'zh-TW': zhTw, th, vi, id }
export type AdminLanguage = keyof typeof supportedLanguages
/** The admin's languages, as Payload names them (its codes for Chinese are `zh` and `zh-TW`). */
export const adminLanguages = Object.keys(supportedLanguages) as AdminLanguage[]

export const i18n: Config['i18n'] = {
  fallbackLanguage: 'en',
  supportedLanguages,
  translations: adminTranslations,
}
