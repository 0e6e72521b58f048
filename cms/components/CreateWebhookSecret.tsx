'use client'

import { Button, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { Fragment, useState, type ReactNode } from 'react'

import type { AdminTranslationKeys, AdminTranslations } from '../i18n/translations'

type Created = { secret: string; hint: string; label: string }

/** A translated sentence with its `{{name}}` placeholders replaced by elements (the label in bold, the hint as code). */
function fillIn(sentence: string, parts: Record<string, ReactNode>): ReactNode[] {
  // Split on a capturing group: the placeholders' names land at the odd indexes.
  return sentence
    .split(/\{\{(\w+)\}\}/)
    .map((piece, index) => <Fragment key={index}>{index % 2 === 1 ? (parts[piece] ?? `{{${piece}}}`) : piece}</Fragment>)
}

/** Creates a webhook signing secret and shows it this one time; afterwards the admin shows only its hint. */
export function CreateWebhookSecret() {
  const { t } = useTranslation<AdminTranslations, AdminTranslationKeys>()
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
    if (!response.ok || !body.secret) return setError(body.detail ?? t('webhookSecret:createFailed', { status: response.status }))
    setCreated(body as Created)
  }

  return (
    <div className="field-type text create-webhook-secret">
      <p className="field-label">{t('webhookSecret:title')}</p>
      {created ? (
        <div role="status">
          <p>
            {fillIn(t('webhookSecret:shownOnce'), {
              label: <strong>{created.label}</strong>,
              hint: <code>{created.hint}</code>,
            })}
          </p>
          <pre className="webhook-secret">{created.secret}</pre>
        </div>
      ) : (
        <>
          <input
            aria-label={t('webhookSecret:label')}
            placeholder={t('webhookSecret:placeholder')}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
          />
          <Button buttonStyle="secondary" onClick={() => void create()}>
            {t('webhookSecret:create')}
          </Button>
          {error && <p role="alert">{error}</p>}
        </>
      )}
    </div>
  )
}
