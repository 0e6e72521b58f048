'use client'

import { Button, useConfig, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

type Request = { id: number | string; createdAt: string; requestedBy?: { email?: string } | number | string | null }

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Sidebar: asks the MPP's publishers to review this draft, or says who asked and when; publishing clears it. */
export function RequestReview() {
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
      .catch((failure: unknown) => current && setError(`Review requests could not be read (${String(failure)}).`))
    return () => {
      current = false
    }
  }, [load, id, savedAt])

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
    if (!response.ok) return setError(body.errors?.[0]?.message ?? `The review could not be requested (HTTP ${response.status}).`)
    setRequest(await load())
  }

  const by = typeof request?.requestedBy === 'object' ? request.requestedBy?.email : undefined
  return (
    <div className="field-type request-review">
      <p className="field-label">Review</p>
      {request ? (
        <p role="status">
          Review requested{by ? ` by ${by}` : ''} on {when(request.createdAt)}. Publishing this document clears the request.
        </p>
      ) : (
        <>
          <label className="request-review-note">
            <span>Note for the publisher (optional)</span>
            <textarea value={note} rows={2} maxLength={1000} onChange={(event) => setNote(event.target.value)} />
          </label>
          <Button buttonStyle="secondary" size="small" disabled={modified} onClick={() => void ask()}>
            Request review
          </Button>
          {modified && <p className="request-review-hint">Save the draft first: the publisher reviews what is saved.</p>}
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  )
}
