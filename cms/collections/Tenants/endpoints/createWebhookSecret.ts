import type { Endpoint } from 'payload'

import { isSuperAdmin } from '../../../access/isSuperAdmin'
import { newWebhookSecret, secretHint } from '../../../lib/webhookSecrets'

/**
 * POST /api/tenants/:id/webhook-secrets: adds a signing secret and answers it in full this once;
 * afterwards only its hint is readable. Rotate by adding a new one, then deleting the old row.
 */
export const createWebhookSecret: Endpoint = {
  path: '/:id/webhook-secrets',
  method: 'post',
  handler: async (req) => {
    if (!isSuperAdmin(req.user))
      return Response.json({ errors: [{ message: 'Only a super-admin can create webhook secrets.' }] }, { status: 403 })
    const id = req.routeParams?.id as string
    const body = (await req.json?.().catch(() => ({}))) as { label?: unknown } | undefined
    const label = typeof body?.label === 'string' && body.label.trim() ? body.label.trim().slice(0, 80) : 'Webhook secret'
    const tenant = await req.payload.findByID({ collection: 'tenants', id, depth: 0, req }).catch(() => null)
    if (!tenant) return Response.json({ errors: [{ message: `No tenant with id ${id}.` }] }, { status: 404 })

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
    return Response.json({ id: row?.id, label, hint: secretHint(secret), createdAt, secret }, { status: 201 })
  },
}
