'use client'

import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { unansweredSchema, type QuestionGroup, type UnansweredQuestions as TenantGroupList } from '../../content/centerApi'
import type { AdminTranslationKeys, AdminTranslations } from '../i18n/translations'

type TenantGroups = TenantGroupList[number]
type QaChoice = { id: number | string; slug: string; question: Record<string, string | undefined> | string | null }

/** Above the feedback list: per MPP, the questions users asked that found no answer or a bad one, grouped, each a button away from a Q&A draft. */
export function UnansweredQuestions() {
  const { t } = useTranslation<AdminTranslations, AdminTranslationKeys>()
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
        setError(t('unanswered:loadFailed', { error: failure instanceof Error ? failure.message : String(failure) })),
      )
  }, [api, t])

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
    if (!qa) return setError(t('unanswered:chooseFirst'))
    const response = await fetch(`${api}/feedback/phrasing`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ qa, locale: group.locale, query: group.query, wordings: group.wordings }),
    })
    const body = (await response.json().catch(() => ({}))) as { id?: number | string; added?: string[]; detail?: string }
    if (!response.ok) return setError(body.detail ?? t('unanswered:addFailed', { status: response.status }))
    const title = titleOf(
      qas[String(tenant.id)]?.find((item) => String(item.id) === qa) ?? { id: qa, slug: qa, question: null },
      group.locale,
    )
    setNotice(t('unanswered:added', { title, locale: group.locale, n: body.added?.length ?? 0 }))
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
    if (!response.ok || body.id === undefined) return setError(body.detail ?? t('unanswered:draftFailed', { status: response.status }))
    window.location.assign(`${config.routes.admin}/collections/qas/${body.id}?locale=${group.locale}`)
  }

  return (
    <section className="unanswered-questions" aria-labelledby="unanswered-heading">
      <h2 id="unanswered-heading">{t('unanswered:title')}</h2>
      <p>{t('unanswered:intro')}</p>
      {error && <p role="alert">{error}</p>}
      {notice && <p role="status">{notice}</p>}
      {!tenants && !error && <p>{t('unanswered:loading')}</p>}
      {tenants?.map(({ tenant, groups }) => (
        <div key={tenant.id} className="unanswered-tenant">
          <h3>{tenant.name}</h3>
          {groups.length === 0 ? (
            <p>{t('unanswered:empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('unanswered:question')}</th>
                  <th scope="col">{t('unanswered:locale')}</th>
                  <th scope="col">{t('unanswered:asked')}</th>
                  <th scope="col">{t('unanswered:unansweredUnhelpful')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('unanswered:action')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={`${group.locale}:${group.query}`}>
                    <td lang={group.locale}>
                      {group.query}
                      {group.wordings.length > 1 && (
                        <small className="unanswered-wordings">
                          {t('unanswered:also', { wordings: group.wordings.slice(1, 4).join(' · ') })}
                        </small>
                      )}
                    </td>
                    <td>{group.locale}</td>
                    <td>{group.count}</td>
                    <td>
                      {group.unanswered} / {group.unhelpful}
                    </td>
                    <td className="unanswered-actions">
                      <label>
                        <span className="sr-only">{t('unanswered:answeredByLabel')}</span>
                        <select
                          value={chosen[`${tenant.id}:${group.locale}:${group.query}`] ?? ''}
                          onChange={(event) =>
                            setChosen((known) => ({ ...known, [`${tenant.id}:${group.locale}:${group.query}`]: event.target.value }))
                          }
                        >
                          <option value="">{t('unanswered:answeredBy')}</option>
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
                        {t('unanswered:addPhrasing')}
                      </Button>
                      <Button buttonStyle="secondary" size="small" onClick={() => void startDraft(tenant, group)}>
                        {t('unanswered:startDraft')}
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
