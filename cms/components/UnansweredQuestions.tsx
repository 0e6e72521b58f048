'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { unansweredSchema, type QuestionGroup, type UnansweredQuestions as TenantGroupList } from '../../content/centerApi'

type TenantGroups = TenantGroupList[number]

/** Above the feedback list: per MPP, the questions users asked that found no answer or a bad one, grouped, each a button away from a Q&A draft. */
export function UnansweredQuestions() {
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  const [tenants, setTenants] = useState<TenantGroups[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    fetch(`${api}/feedback/unanswered`, { credentials: 'include' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`)
        setTenants(unansweredSchema.parse(await response.json()))
      })
      .catch((failure: unknown) =>
        setError(`Unanswered questions could not be loaded (${failure instanceof Error ? failure.message : String(failure)}).`),
      )
  }, [api])

  async function startDraft(tenant: TenantGroups['tenant'], group: QuestionGroup) {
    setError(null)
    const response = await fetch(`${api}/feedback/draft`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: tenant.id, locale: group.locale, query: group.query, wordings: group.wordings }),
    })
    const body = (await response.json().catch(() => ({}))) as { id?: number | string; detail?: string }
    if (!response.ok || body.id === undefined) return setError(body.detail ?? `The draft could not be started (HTTP ${response.status}).`)
    window.location.assign(`${config.routes.admin}/collections/qas/${body.id}?locale=${group.locale}`)
  }

  return (
    <section className="unanswered-questions" aria-labelledby="unanswered-heading">
      <h2 id="unanswered-heading">Questions without a good answer</h2>
      <p>What users asked in the last 90 days that matched no Q&amp;A or was voted unhelpful, alike questions grouped, most asked first.</p>
      {error && <p role="alert">{error}</p>}
      {!tenants && !error && <p>Loading…</p>}
      {tenants?.map(({ tenant, groups }) => (
        <div key={tenant.id} className="unanswered-tenant">
          <h3>{tenant.name}</h3>
          {groups.length === 0 ? (
            <p>No unanswered questions yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Locale</th>
                  <th scope="col">Asked</th>
                  <th scope="col">Unanswered / unhelpful</th>
                  <th scope="col">
                    <span className="sr-only">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={`${group.locale}:${group.query}`}>
                    <td lang={group.locale}>
                      {group.query}
                      {group.wordings.length > 1 && (
                        <small className="unanswered-wordings">Also: {group.wordings.slice(1, 4).join(' · ')}</small>
                      )}
                    </td>
                    <td>{group.locale}</td>
                    <td>{group.count}</td>
                    <td>
                      {group.unanswered} / {group.unhelpful}
                    </td>
                    <td>
                      <Button buttonStyle="secondary" size="small" onClick={() => void startDraft(tenant, group)}>
                        Start a Q&amp;A draft
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  )
}
