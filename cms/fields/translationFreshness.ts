import type { Field } from 'payload'

/**
 * When this locale's text last changed (set by the stampTranslation hook), and the sidebar panel
 * that compares locales. `texts` are the fields the hook watches; the panel watches the same ones
 * in the form, so it changes as the editor types.
 */
export const translationFreshness = (texts: string[]): Field[] => [
  { name: 'translatedAt', type: 'date', localized: true, admin: { hidden: true, readOnly: true } },
  {
    name: 'translations',
    type: 'ui',
    admin: {
      position: 'sidebar',
      custom: { texts },
      components: { Field: '/components/TranslationStatus#TranslationStatus' },
    },
  },
]
