import type { PayloadRequest, TextField } from 'payload'

import type { AdminLanguage } from '../i18n'
import { fieldDescriptions, type Words } from '../i18n/fieldLabels'
import { adminLanguageOf, adminMessage } from '../i18n/validationMessages'
import { aaTextRatio, contrastRatio } from '../lib/contrast'

/** The site sets white text on brand colours and brand-coloured text on white, so each must reach AA against white. */
const pairedText = '#ffffff'

/** A refusal naming the pair and its ratio in the editor's language, or true when the colour is valid and readable. */
export function checkBrandColour(label: string, value: null | string | undefined, language: AdminLanguage = 'en'): string | true {
  if (!value) return true
  if (!/^#[0-9a-fA-F]{6}$/.test(value)) return adminMessage(language, 'colourFormat')
  const ratio = contrastRatio(value, pairedText)
  if (ratio >= aaTextRatio) return true
  return adminMessage(language, 'colourContrast', { label, colour: value, text: pairedText, ratio: ratio.toFixed(2), needed: aaTextRatio })
}

/** A brand colour field that refuses colours failing WCAG AA against the site's text colours, naming the field in the editor's language. */
export const brandColour = (name: string, label: Words): TextField => ({
  name,
  label,
  type: 'text',
  required: true,
  validate: (value: null | string | undefined, { req }: { req: PayloadRequest }) => {
    const language = adminLanguageOf(req)
    return checkBrandColour(label[language], value, language)
  },
  admin: { description: fieldDescriptions.tenants.brandColour },
})
