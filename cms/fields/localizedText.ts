import type { TextareaField, TextField } from 'payload'

import { requireDefaultLocale } from '../hooks/requireDefaultLocale'

type Options = { name: string; required?: boolean; multiline?: boolean }

/** A text field translated per locale; a required one goes live only with the MPP's default-locale text. */
export const localizedText = ({ name, required = false, multiline = false }: Options): TextareaField | TextField => {
  const hooks = required ? { beforeChange: [requireDefaultLocale] } : undefined
  return multiline ? { name, type: 'textarea', localized: true, required, hooks } : { name, type: 'text', localized: true, required, hooks }
}
