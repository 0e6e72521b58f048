import type { Endpoint } from 'payload'

import type { WebhookSecret } from '../../../../content/centerApi'
import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { refuse } from '../../../lib/requests'
import { newWebhookSecret, secretHint } from '../../../lib/webhookSecrets'

/**
 * POST /api/tenants/:id/webhook-secrets: adds a signing secret and answers it in full this once;
 * afterwards only its hint is readable. Rotate by adding a new one, then deleting the old row.
 */
export const createWebhookSecret: Endpoint = {
  path: '/:id/webhook-secrets',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return refuse(401, 'sign-in', 'Sign in to the CMS as a super-admin to create webhook secrets.')
    if (!isSuperAdmin(req.user)) return refuse(403, 'forbidden', 'Only a super-admin can create webhook secrets.')
    const id = req.routeParams?.id as string
    const body = (await req.json?.().catch(() => ({}))) as { label?: unknown } | undefined
    const label = typeof body?.label === 'string' && body.label.trim() ? body.label.trim().slice(0, 80) : 'Webhook secret'
    const tenant = await req.payload.findByID({ collection: 'tenants', id, depth: 0, req }).catch(() => null)
    if (!tenant) return refuse(404, 'not-found', `No tenant with id ${id}.`)

    const secret = newWebhookSecret()
    const createdAt = new Date().toISOString()
    const rows = (tenant.webhookSecrets ?? []).map(({ id: rowId, label: rowLabel, hint, createdAt: rowCreated, secret: stored }) => ({
      id: rowId,
      label: rowLabel,
      hint,
      createdAt: rowCreated,
      secret: stored,
    }))
    const updated = await req.payload.update({
      collection: 'tenants',
      id,
      depth: 0,
      req,
      data: { webhookSecrets: [...rows, { label, hint: secretHint(secret), createdAt, secret: req.payload.encrypt(secret) }] },
    })
    const row = updated.webhookSecrets?.at(-1)
    return Response.json({ id: row?.id, label, hint: secretHint(secret), createdAt, secret } satisfies WebhookSecret, { status: 201 })
  },
}
