import {
  BoldFeature,
  ItalicFeature,
  lexicalEditor,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  UnorderedListFeature,
} from '@payloadcms/richtext-lexical'
import type { RichTextField, RichTextFieldValidation } from 'payload'
import { richText } from 'payload/shared'

import { requireDefaultLocale } from '../hooks/requireDefaultLocale'
import type { Words } from '../i18n/fieldLabels'
import { adminMessage } from '../i18n/validationMessages'

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

/**
 * Link schemes that run code or smuggle a document in (javascript:, vbscript:, data:) or reach the
 * reader's disk (file:): the site's Markdown renderer drops such links, the admin shows them as a
 * broken "https://", and no guide needs one. They are refused when saved.
 */
const refusedSchemes = new Set(['javascript', 'vbscript', 'data', 'file'])

/** The scheme a browser reads in a link's URL, lower-cased: it ignores case, spaces and control characters around and inside it. */
export function linkScheme(url: string): string | undefined {
  return /^([a-z][a-z\d+.-]*):/.exec(url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase())?.[1]
}

type LexicalNode = { type?: unknown; fields?: { url?: unknown } | null; children?: unknown }

/** Every link URL in Lexical JSON: link and autolink nodes keep theirs in `fields.url`. Walked without recursion, as the JSON comes from the caller. */
export function linkUrls(value: unknown): string[] {
  const urls: string[] = []
  const pending: unknown[] = [(value as { root?: unknown } | null | undefined)?.root]
  while (pending.length) {
    const node = pending.pop()
    if (!node || typeof node !== 'object') continue
    const { type, fields, children } = node as LexicalNode
    if ((type === 'link' || type === 'autolink') && typeof fields?.url === 'string') urls.push(fields.url)
    if (Array.isArray(children)) pending.push(...children)
  }
  return urls
}

/** What is wrong with a rich text value's links, as the field's message in the editor's language; undefined when every link may be saved. */
export function unsafeLink(value: unknown, req?: Parameters<typeof adminMessage>[0]): string | undefined {
  for (const url of linkUrls(value)) {
    const scheme = linkScheme(url)
    if (scheme && refusedSchemes.has(scheme)) {
      return adminMessage(req, 'linkScheme', { scheme, url: JSON.stringify(url.slice(0, 60)) })
    }
  }
  return undefined
}

/** The Center's rule on link schemes, whose message says what to do, then the editor's own validation (required, link fields). */
const validateRichText: RichTextFieldValidation = async (value, options) => unsafeLink(value, options.req) ?? richText(value, options)

/** A localized rich-text field with the content toolset; a required one goes live only with the MPP's default-locale text. */
export const localizedRichText = ({
  name,
  label,
  required = false,
}: {
  name: string
  label: Words
  required?: boolean
}): RichTextField => ({
  name,
  label,
  type: 'richText',
  localized: true,
  required,
  hooks: required ? { beforeChange: [requireDefaultLocale] } : undefined,
  editor: contentEditor,
  validate: validateRichText,
})
