import type { TextareaField, TextField } from 'payload'

import { requireDefaultLocale } from '../hooks/requireDefaultLocale'
import type { Words } from '../i18n/fieldLabels'

type Options = { name: string; label: Words; required?: boolean; multiline?: boolean }

/** A text field translated per locale; a required one goes live only with the MPP's default-locale text. */
export const localizedText = ({ name, label, required = false, multiline = false }: Options): TextareaField | TextField => {
  const hooks = required ? { beforeChange: [requireDefaultLocale] } : undefined
  return multiline
    ? { name, label, type: 'textarea', localized: true, required, hooks }
    : { name, label, type: 'text', localized: true, required, hooks }
}
