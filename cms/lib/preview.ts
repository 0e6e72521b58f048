import { renderMarkdown } from '../../content/markdown'
import { brandStyle } from '../../content/theme'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export type PreviewContent = {
  tenant: { name: string; brand: { primaryColor: string; accentColor: string } }
  locale: string
  rtl: boolean
  heading: string
  summary?: string | null
  /** Rich text already in Markdown, rendered the same way as on the site. */
  sections: string[]
  status: string
}

/** A draft as a standalone page with the MPP's brand, marked as a preview, rendered with the site's Markdown rules. */
export function renderPreview(content: PreviewContent): string {
  const body = content.sections.map((markdown) => `<section>${renderMarkdown(markdown)}</section>`).join('')
  return `<!doctype html><html lang="${escapeHtml(content.locale)}" dir="${content.rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Preview: ${escapeHtml(content.heading)}</title><style>${brandStyle({ brand: { ...content.tenant.brand, intro: {} } })}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2328}header{background:var(--brand);color:#fff;padding:.75rem 1rem}.banner{background:#fff8c5;padding:.5rem 1rem;border-bottom:1px solid #d4a72c}main{max-width:42rem;margin:0 auto;padding:1rem}a{color:var(--brand)}section{border-bottom:1px solid #d0d7de}</style></head><body><p class="banner" role="note">Preview (${escapeHtml(content.status)}): not on the live site until it is published and rebuilt.</p><header>${escapeHtml(content.tenant.name)}</header><main><h1>${escapeHtml(content.heading)}</h1>${content.summary ? `<p>${escapeHtml(content.summary)}</p>` : ''}${body}</main></body></html>`
}
