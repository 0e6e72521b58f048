import { convertLexicalToMarkdown, convertMarkdownToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'

export type RichText = ReturnType<typeof convertMarkdownToLexical>

/** Converts between the snapshot's Markdown and the CMS's Lexical rich text, with the CMS's own editor features. */
export async function richTextConverter(payload: Payload) {
  const editorConfig = await editorConfigFactory.default({ config: payload.config })
  return {
    toLexical: (markdown: string): RichText => convertMarkdownToLexical({ editorConfig, markdown }),
    // The content toolset has no strikethrough, so "~" is plain text ("1~3 days"): keep it unescaped.
    toMarkdown: (data: unknown): string =>
      convertLexicalToMarkdown({ data: data as RichText, editorConfig })
        .replaceAll('\\~', '~')
        .trim(),
  }
}
