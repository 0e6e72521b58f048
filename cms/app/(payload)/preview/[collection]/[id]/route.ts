import config from '@payload-config'
import { getPayload } from 'payload'

import { rtlLocales, type Locale } from '../../../../../../content/schema'
import { previewWidths, renderPreview } from '../../../../../lib/preview'
import { richTextConverter } from '../../../../../lib/richText'

const previewable = ['guides', 'qas'] as const
type Previewable = (typeof previewable)[number]

const page = (status: number, message: string) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preview</title></head><body><p>${message}</p></body></html>`,
    {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    },
  )

/**
 * GET /preview/:collection/:id?locale=xx&width=390: the signed-in editor's view of a draft guide or
 * Q&A, as its page would show it on a phone of that width in the MPP's theme.
 */
export async function GET(request: Request, { params }: { params: Promise<{ collection: string; id: string }> }) {
  const { collection, id } = await params
  if (!previewable.includes(collection as Previewable)) return page(404, 'Only guides and Q&As have a preview.')
  const payload = await getPayload({ config })
  const { user } = await payload.auth({ headers: request.headers })
  if (!user) return page(401, 'Sign in to the admin to preview drafts.')
  const query = new URL(request.url).searchParams
  const locale = (query.get('locale') ?? 'en') as Locale
  const width = previewWidths.find((option) => String(option) === query.get('width')) ?? previewWidths[0]

  const doc = await payload
    .findByID({ collection: collection as Previewable, id, draft: true, locale, depth: 1, overrideAccess: false, user })
    .catch(() => null)
  if (!doc) return page(404, 'This document does not exist or belongs to another MPP.')
  const tenant =
    typeof doc.tenant === 'object' && doc.tenant
      ? doc.tenant
      : await payload.findByID({ collection: 'tenants', id: doc.tenant as number, depth: 0 })
  const { toMarkdown } = await richTextConverter(payload)
  const common = { tenant, locale, rtl: rtlLocales.includes(locale), status: doc._status ?? 'draft' }

  const html =
    'steps' in doc
      ? renderPreview(
          {
            ...common,
            kind: 'steps',
            heading: doc.title,
            summary: doc.summary,
            sections: (doc.steps ?? []).map((step) => toMarkdown(step.body)),
          },
          width,
        )
      : renderPreview({ ...common, kind: 'answer', heading: doc.question, sections: [toMarkdown(doc.answer)] }, width)
  return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } })
}
