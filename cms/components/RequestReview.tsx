'use client'

import { Button, useConfig, useDocumentInfo, useFormModified, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import type { AdminTranslationKeys, AdminTranslations } from '../i18n/translations'

type Request = { id: number | string; createdAt: string; requestedBy?: { email?: string } | number | string | null }

/** Sidebar: asks the MPP's publishers to review this draft, or says who asked and when; publishing clears it. */
export function RequestReview() {
  const { t, i18n } = useTranslation<AdminTranslations, AdminTranslationKeys>()
  const { id, collectionSlug, data } = useDocumentInfo()
  const { config } = useConfig()
  const modified = useFormModified()
  const [request, setRequest] = useState<Request | null | undefined>(undefined)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const api = `${config.serverURL}${config.routes.api}/review-requests`
  const savedAt = String(data?.updatedAt ?? '')

  const load = useCallback(async () => {
    const query = `where[collection][equals]=${collectionSlug}&where[document][equals]=${id}&depth=1&limit=1`
    const response = await fetch(`${api}?${query}`, { credentials: 'include' })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    return ((await response.json()) as { docs: Request[] }).docs[0] ?? null
  }, [api, collectionSlug, id])

  // Read again after every save: publishing clears the request on the server.
  useEffect(() => {
    if (id === undefined) return
    let current = true
    load()
      .then((found) => current && setRequest(found))
      .catch((failure: unknown) => current && setError(t('reviewRequest:readFailed', { error: String(failure) })))
    return () => {
      current = false
    }
  }, [load, id, savedAt, t])

  if (id === undefined || request === undefined) return null

  async function ask() {
    setError(null)
    const response = await fetch(api, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ collection: collectionSlug, document: String(id), note: note || undefined }),
    })
    const body = (await response.json().catch(() => ({}))) as { errors?: { message?: string }[] }
    if (!response.ok) return setError(body.errors?.[0]?.message ?? t('reviewRequest:requestFailed', { status: response.status }))
    setRequest(await load())
  }

  const by = typeof request?.requestedBy === 'object' ? request.requestedBy?.email : undefined
  // In the admin's language, in the editor's own time zone.
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <div className="field-type request-review">
      <p className="field-label">{t('reviewRequest:label')}</p>
      {request ? (
        <p role="status">
          {by
            ? t('reviewRequest:requestedBy', { user: by, time: when(request.createdAt) })
            : t('reviewRequest:requested', { time: when(request.createdAt) })}
        </p>
      ) : (
        <>
          <label className="request-review-note">
            <span>{t('reviewRequest:note')}</span>
            <textarea value={note} rows={2} maxLength={1000} onChange={(event) => setNote(event.target.value)} />
          </label>
          <Button buttonStyle="secondary" size="small" disabled={modified} onClick={() => void ask()}>
            {t('reviewRequest:request')}
          </Button>
          {modified && <p className="request-review-hint">{t('reviewRequest:saveFirst')}</p>}
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  )
}
