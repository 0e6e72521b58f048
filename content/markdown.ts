import MarkdownIt from 'markdown-it'
import cjkFriendly from 'markdown-it-cjk-friendly'

import { bidiText } from './bidi'

// Raw HTML is off and markdown-it refuses javascript:, vbscript: and data: links, so whatever an
// editor typed (a <script> tag included) renders as inert text. Strikethrough is off as in the
// CMS editor, so "1~3 days" stays as written. CommonMark's emphasis rules fail next to CJK
// punctuation (「**解約**」 stays literal); the CJK-friendly rules fix that for every locale.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('strikethrough').use(cjkFriendly)

// In a right-to-left page, Latin runs in the text ("Alipay+", "Sakura Drug") are isolated (content/bidi.ts).
markdown.core.ruler.push('bidi_isolate', (state) => {
  const locale = (state.env as { locale?: string } | undefined)?.locale
  if (!locale) return
  for (const block of state.tokens) {
    for (const token of block.children ?? []) if (token.type === 'text') token.content = bidiText(token.content, locale)
  }
})

/** Content Markdown (from the CMS's rich text) as safe HTML, for a page in `locale` (which decides the bidi isolation). */
export const renderMarkdown = (source: string, locale?: string): string => markdown.render(source, { locale })

/** Content Markdown as the plain words a reader sees, for search; markup and link targets are dropped. */
export function markdownText(source: string): string {
  const words: string[] = []
  for (const block of markdown.parse(source, {})) {
    for (const token of block.children ?? []) {
      if (token.type === 'text' || token.type === 'code_inline') words.push(token.content)
      else if (token.type === 'softbreak' || token.type === 'hardbreak') words.push(' ')
    }
    if (block.type === 'inline') words.push(' ')
  }
  return words.join('').replace(/\s+/g, ' ').trim()
}
