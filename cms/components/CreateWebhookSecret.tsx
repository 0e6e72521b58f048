'use client'

import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

type Created = { secret: string; hint: string; label: string }

/** Creates a webhook signing secret and shows it this one time; afterwards the admin shows only its hint. */
export function CreateWebhookSecret() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const [label, setLabel] = useState('')
  const [created, setCreated] = useState<Created | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (!id) return null

  async function create() {
    setError(null)
    const response = await fetch(`${config.serverURL}${config.routes.api}/tenants/${id}/webhook-secrets`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ label }),
    })
    const body = (await response.json().catch(() => ({}))) as Partial<Created> & { detail?: string }
    if (!response.ok || !body.secret) return setError(body.detail ?? `The secret could not be created (HTTP ${response.status}).`)
    setCreated(body as Created)
  }

  return (
    <div className="field-type create-webhook-secret">
      <p className="field-label">New webhook secret</p>
      {created ? (
        <div role="status">
          <p>
            Copy this secret for <strong>{created.label}</strong> now and give it to the MPP. It will not be shown again; reload to see it
            listed as <code>{created.hint}</code>.
          </p>
          <pre className="webhook-secret">{created.secret}</pre>
        </div>
      ) : (
        <>
          <input
            aria-label="Label for the new secret"
            placeholder="Label, e.g. Production"
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
          <Button buttonStyle="secondary" onClick={() => void create()}>
            Create webhook secret
          </Button>
          {error && <p role="alert">{error}</p>}
        </>
      )}
    </div>
  )
}
