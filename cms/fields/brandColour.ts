import type { TextField } from 'payload'

import { fieldDescriptions, type Words } from '../i18n/fieldLabels'
import { aaTextRatio, contrastRatio } from '../lib/contrast'

/** The site sets white text on brand colours and brand-coloured text on white, so each must reach AA against white. */
const pairedText = '#ffffff'

/** A refusal naming the pair and its ratio, or true when the colour is valid and readable. */
export function checkBrandColour(label: string, value: null | string | undefined): string | true {
  if (!value) return true
  if (!/^#[0-9a-fA-F]{6}$/.test(value)) return 'Use a colour like #1a2b3c.'
  const ratio = contrastRatio(value, pairedText)
  if (ratio >= aaTextRatio) return true
  return `${label} ${value} with white text (${pairedText}) has a contrast of ${ratio.toFixed(2)}:1; WCAG AA needs at least ${aaTextRatio}:1. Choose a darker colour.`
}

/** A brand colour field that refuses colours failing WCAG AA against the site's text colours (its messages name the colour in English). */
export const brandColour = (name: string, label: Words): TextField => ({
  name,
  label,
  type: 'text',
  required: true,
  validate: (value: null | string | undefined) => checkBrandColour(label.en, value),
  admin: { description: fieldDescriptions.tenants.brandColour },
})
