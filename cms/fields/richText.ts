import {
  BoldFeature,
  ItalicFeature,
  lexicalEditor,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  UnorderedListFeature,
} from '@payloadcms/richtext-lexical'
import type { RichTextField } from 'payload'

import { requireDefaultLocale } from '../hooks/requireDefaultLocale'

/**
 * The small rich-text toolset content needs: paragraphs, emphasis, lists and links. It maps
 * one to one onto the Markdown of the snapshot format, so seed and export round-trip.
 */
export const contentEditor = lexicalEditor({
  features: [
    ParagraphFeature(),
    BoldFeature(),
    ItalicFeature(),
    UnorderedListFeature(),
    OrderedListFeature(),
    LinkFeature({ enabledCollections: [] }),
  ],
})

/** A localized rich-text field with the content toolset; a required one goes live only with the MPP's default-locale text. */
export const localizedRichText = ({ name, required = false }: { name: string; required?: boolean }): RichTextField => ({
  name,
  type: 'richText',
  localized: true,
  required,
  hooks: required ? { beforeChange: [requireDefaultLocale] } : undefined,
  editor: contentEditor,
})
