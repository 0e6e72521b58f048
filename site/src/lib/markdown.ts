import MarkdownIt from 'markdown-it'

// Raw HTML is off and markdown-it refuses javascript:, vbscript: and data: links, so whatever an
// editor typed (a <script> tag included) renders as inert text. Strikethrough is off as in the
// CMS editor, so "1~3 days" stays as written.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('strikethrough')

/** Content Markdown (from the CMS's rich text) as safe HTML. */
export const renderMarkdown = (source: string): string => markdown.render(source)
