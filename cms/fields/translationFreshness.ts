import type { Field } from 'payload'

/** When this locale's text last changed (set by the stampTranslation hook), and the sidebar panel that compares locales. */
export const translationFreshness = (): Field[] => [
  { name: 'translatedAt', type: 'date', localized: true, admin: { hidden: true, readOnly: true } },
  {
    name: 'translations',
    type: 'ui',
    admin: { position: 'sidebar', components: { Field: '/components/TranslationStatus#TranslationStatus' } },
  },
]
