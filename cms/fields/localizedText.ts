import type { TextareaField, TextField } from 'payload'

type Options = { name: string; required?: boolean; multiline?: boolean }

/** A text field translated per locale. */
export const localizedText = ({ name, required = false, multiline = false }: Options): TextareaField | TextField =>
  multiline
    ? { name, type: 'textarea', localized: true, required }
    : { name, type: 'text', localized: true, required }
