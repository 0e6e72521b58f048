'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { unansweredSchema, type QuestionGroup, type UnansweredQuestions as TenantGroupList } from '../../content/centerApi'

type TenantGroups = TenantGroupList[number]
type QaChoice = { id: number | string; slug: string; question: Record<string, string | undefined> | string | null }

/** Above the feedback list: per MPP, the questions users asked that found no answer or a bad one, grouped, each a button away from a Q&A draft. */
export function UnansweredQuestions() {
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}`
  const [tenants, setTenants] = useState<TenantGroups[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [qas, setQas] = useState<Record<string, QaChoice[]>>({})
  const [chosen, setChosen] = useState<Record<string, string>>({})

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

  // Each MPP's Q&As (latest drafts, every locale), for attaching a question to one of them.
  useEffect(() => {
    for (const { tenant } of tenants ?? []) {
      const query = `where[tenant][equals]=${tenant.id}&limit=500&depth=0&locale=all&draft=true&sort=slug&select[question]=true&select[slug]=true`
      fetch(`${api}/qas?${query}`, { credentials: 'include' })
        .then(async (response) => (response.ok ? ((await response.json()) as { docs: QaChoice[] }).docs : []))
        .then((docs) => setQas((known) => ({ ...known, [String(tenant.id)]: docs })))
        .catch(() => undefined)
    }
  }, [api, tenants])

  const titleOf = (qa: QaChoice, locale: string) =>
    typeof qa.question === 'string' ? qa.question : (qa.question?.[locale] ?? Object.values(qa.question ?? {}).find(Boolean) ?? qa.slug)

  async function addPhrasing(tenant: TenantGroups['tenant'], group: QuestionGroup, key: string) {
    setError(null)
    setNotice(null)
    const qa = chosen[key]
    if (!qa) return setError('Choose the Q&A that answers this question first.')
    const response = await fetch(`${api}/feedback/phrasing`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ qa, locale: group.locale, query: group.query, wordings: group.wordings }),
    })
    const body = (await response.json().catch(() => ({}))) as { id?: number | string; added?: string[]; detail?: string }
    if (!response.ok) return setError(body.detail ?? `The phrasing could not be added (HTTP ${response.status}).`)
    const title = titleOf(
      qas[String(tenant.id)]?.find((item) => String(item.id) === qa) ?? { id: qa, slug: qa, question: null },
      group.locale,
    )
    setNotice(`Added ${body.added?.length ?? 0} phrasing(s) in ${group.locale} to “${title}” as a draft: a publisher publishes it.`)
  }

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
      <p>
        What users asked in the last 90 days that matched no Q&amp;A or was voted unhelpful, alike questions grouped, most asked first.
        Attach one to the Q&amp;A that answers it (a new draft with the users' words as phrasings), or start a new Q&amp;A from it.
      </p>
      {error && <p role="alert">{error}</p>}
      {notice && <p role="status">{notice}</p>}
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
                    <td className="unanswered-actions">
                      <label>
                        <span className="sr-only">Q&amp;A that answers it</span>
                        <select
                          value={chosen[`${tenant.id}:${group.locale}:${group.query}`] ?? ''}
                          onChange={(event) =>
                            setChosen((known) => ({ ...known, [`${tenant.id}:${group.locale}:${group.query}`]: event.target.value }))
                          }
                        >
                          <option value="">Answered by…</option>
                          {(qas[String(tenant.id)] ?? []).map((qa) => (
                            <option key={qa.id} value={String(qa.id)}>
                              {titleOf(qa, group.locale)}
                            </option>
                          ))}
                        </select>
                      </label>
                      <Button
                        buttonStyle="secondary"
                        size="small"
                        onClick={() => void addPhrasing(tenant, group, `${tenant.id}:${group.locale}:${group.query}`)}
                      >
                        Add as a phrasing
                      </Button>
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
