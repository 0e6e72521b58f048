import { renderMarkdown } from '../../content/markdown'
import { themeStyle } from '../../content/theme'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export type PreviewContent = {
  tenant: { name: string; brand: { primaryColor: string; accentColor: string } }
  locale: string
  rtl: boolean
  heading: string
  summary?: string | null
  /** Rich text already in Markdown, rendered the same way as on the site. */
  sections: string[]
  /** Guides show their sections as numbered steps, Q&As as one answer. */
  kind?: 'steps' | 'answer'
  status: string
}

/** The phone widths the preview offers: a common phone and the narrowest one the site supports. */
export const previewWidths = [390, 320] as const
export type PreviewWidth = (typeof previewWidths)[number]

/** The part of the site's layout a guide or Q&A page uses, on the theme's tokens (content/theme.ts). */
const pageCss = [
  '*{box-sizing:border-box}',
  'body{margin:0;color:var(--text);background:var(--bg);',
  "font:1rem/1.5 system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans CJK SC',sans-serif}",
  'a{color:var(--brand-text)}',
  'h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}',
  'h1,p,li{overflow-wrap:anywhere}',
  '.appbar{position:sticky;top:0;display:flex;align-items:center;min-height:56px;',
  'padding:0 1rem;background:var(--brand);color:var(--on-brand);font-weight:700}',
  'main{max-width:42rem;margin:0 auto;padding:1rem}',
  '.answer{background:var(--surface);border-radius:var(--radius);padding:.75rem 1rem}',
  '.answer>:first-child{margin-top:0}.answer>:last-child{margin-bottom:0}',
  '.steps{padding-inline-start:1.5rem}.steps li{margin-bottom:.75rem}',
  'img{max-width:100%;height:auto;border-radius:var(--radius)}',
].join('')

/** A draft as its page on the site would show it: the MPP's theme, app bar and the site's Markdown rules. */
export function renderPreviewPage(content: PreviewContent): string {
  const sections = content.sections.map((markdown) => renderMarkdown(markdown, content.locale))
  const body =
    content.kind === 'steps'
      ? `<ol class="steps">${sections.map((html) => `<li>${html}</li>`).join('')}</ol>`
      : `<div class="answer">${sections.join('')}</div>`
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(content.locale)}" dir="${content.rtl ? 'rtl' : 'ltr'}">`,
    '<head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.heading)}</title>`,
    `<style>${themeStyle({ brand: { ...content.tenant.brand, intro: {} } })}${pageCss}</style>`,
    '</head><body>',
    `<header class="appbar">${escapeHtml(content.tenant.name)}</header>`,
    `<main><h1>${escapeHtml(content.heading)}</h1>`,
    content.summary ? `<p>${escapeHtml(content.summary)}</p>` : '',
    body,
    '</main></body></html>',
  ].join('\n')
}

const frameCss = [
  'body{margin:0;font:15px/1.5 system-ui,sans-serif;background:#e9ebee;color:#1f2328}',
  '.banner{margin:0;padding:.5rem 1rem;background:#fff8c5;border-bottom:1px solid #d4a72c}',
  '.widths{display:flex;gap:1rem;justify-content:center;margin:1rem}',
  '.widths a[aria-current]{font-weight:700;color:inherit;text-decoration:none}',
  '.phone{display:block;margin:0 auto 2rem;border:10px solid #1f2328;border-radius:28px;',
  'background:#fff;box-shadow:0 8px 24px rgb(0 0 0 / .2)}',
].join('')

/**
 * The preview the admin opens: a banner saying it is a draft, and the page in a phone-sized frame
 * (a real viewport, so the page lays out as on a phone), its width chosen from `previewWidths`.
 * The frame is sandboxed: the draft's page runs no script.
 */
export function renderPreview(content: PreviewContent, width: PreviewWidth = previewWidths[0]): string {
  const page = renderPreviewPage(content)
  const height = Math.round((width * 844) / 390)
  const widthLinks = previewWidths
    .map((option) =>
      option === width
        ? `<a aria-current="true">${option} px</a>`
        : `<a href="?locale=${encodeURIComponent(content.locale)}&amp;width=${option}">${option} px</a>`,
    )
    .join('')
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>Preview: ${escapeHtml(content.heading)}</title><style>${frameCss}</style></head><body>`,
    `<p class="banner" role="note">Preview (${escapeHtml(content.status)}) of <strong>${escapeHtml(content.heading)}</strong>`,
    ` for ${escapeHtml(content.tenant.name)}, ${escapeHtml(content.locale)}: not on the live site until it is published and rebuilt.</p>`,
    `<nav class="widths" aria-label="Phone width">${widthLinks}</nav>`,
    `<iframe class="phone" title="The page at ${width} px" width="${width}" height="${height}" sandbox`,
    ` srcdoc="${escapeHtml(page)}"></iframe>`,
    '</body></html>',
  ].join('\n')
}
