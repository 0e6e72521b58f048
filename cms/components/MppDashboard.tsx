import type { TFunction } from '@payloadcms/translations'
import type { ServerProps } from 'payload'
import type { ReactNode } from 'react'

import { mppDashboard, type BuildItem, type DashboardDoc, type TenantDashboard } from '../dashboard/mppDashboard'
import type { AdminTranslationKeys } from '../i18n/translations'

type T = TFunction<AdminTranslationKeys>

const kinds = { qas: 'dashboard:kindQas', guides: 'dashboard:kindGuides', campaigns: 'dashboard:kindCampaigns' } as const satisfies Record<
  DashboardDoc['collection'],
  AdminTranslationKeys
>
const roles = {
  'super-admin': 'dashboard:roleSuperAdmin',
  publisher: 'dashboard:rolePublisher',
  editor: 'dashboard:roleEditor',
} as const satisfies Record<TenantDashboard['role'], AdminTranslationKeys>
const localeStates = { outdated: 'dashboard:localeOutdated', missing: 'dashboard:localeMissing' } as const
const buildStates = {
  queued: 'dashboard:stateQueued',
  running: 'dashboard:stateRunning',
  live: 'dashboard:stateLive',
  failed: 'dashboard:stateFailed',
  superseded: 'dashboard:stateSuperseded',
} as const satisfies Record<BuildItem['state'], AdminTranslationKeys>
const triggers = {
  publish: 'dashboard:triggerPublish',
  webhook: 'dashboard:triggerWebhook',
  cli: 'dashboard:triggerCli',
  rollback: 'dashboard:triggerRollback',
} as const satisfies Record<BuildItem['trigger'], AdminTranslationKeys>
/** How many rows a list shows before the rest fold away. */
const shown = 6

/** A date and time in the admin's language, in UTC (editors of one MPP sit in many time zones), with Latin digits like Payload's own dates. */
const timeIn = (language: string) => {
  const format = new Intl.DateTimeFormat(`${language}-u-nu-latn`, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
  return (iso: string) => `${format.format(new Date(iso))} UTC`
}

/** A list that shows its first rows and folds the rest under "N more". */
function Rows<T>({ items, empty, more, row }: { items: T[]; empty: string; more: string; row: (item: T) => ReactNode }) {
  if (!items.length) return <p className="mpp-empty">{empty}</p>
  return (
    <>
      <ul className="mpp-rows">{items.slice(0, shown).map(row)}</ul>
      {items.length > shown && (
        <details className="mpp-more">
          <summary>{more}</summary>
          <ul className="mpp-rows">{items.slice(shown).map(row)}</ul>
        </details>
      )}
    </>
  )
}

function Panel({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section className="mpp-panel">
      <h3>
        {title}
        {count !== undefined && <span className="mpp-count">{count}</span>}
      </h3>
      {children}
    </section>
  )
}

type Words = { t: T; when: (iso: string) => string }

function TenantSection({ mpp, adminRoute, words: { t, when } }: { mpp: TenantDashboard; adminRoute: string; words: Words }) {
  const headingId = `mpp-${mpp.tenant.slug}`
  const more = (items: unknown[]) => t('dashboard:more', { n: items.length - shown })
  return (
    <section className="mpp-tenant" aria-labelledby={headingId} data-tenant={mpp.tenant.slug}>
      <h2 id={headingId}>
        {mpp.tenant.name} <small>{t(roles[mpp.role])}</small>
      </h2>
      <div className="mpp-panels">
        <Panel title={t(mpp.role === 'editor' ? 'dashboard:reviewsForPublisher' : 'dashboard:reviewsForYou')} count={mpp.reviews.length}>
          <Rows
            items={mpp.reviews}
            empty={t('dashboard:reviewsEmpty')}
            more={more(mpp.reviews)}
            row={(review) => (
              <li key={`${review.collection}:${review.id}`}>
                <a href={review.href}>{review.title}</a>
                <small>
                  {t(kinds[review.collection])} · {t('dashboard:askedBy', { user: review.requestedBy, time: when(review.requestedAt) })}
                </small>
                {review.note && <q>{review.note}</q>}
              </li>
            )}
          />
        </Panel>
        <Panel title={t('dashboard:draftsTitle')} count={mpp.drafts.length}>
          <Rows
            items={mpp.drafts}
            empty={t('dashboard:draftsEmpty')}
            more={more(mpp.drafts)}
            row={(draft) => (
              <li key={`${draft.collection}:${draft.id}`}>
                <a href={draft.href}>{draft.title}</a>
                <small>
                  {t(kinds[draft.collection])} · {t(draft.neverPublished ? 'dashboard:neverPublished' : 'dashboard:changedSincePublished')}{' '}
                  · {when(draft.updatedAt)}
                </small>
              </li>
            )}
          />
        </Panel>
        <Panel title={t('dashboard:translationsTitle')} count={mpp.translations.length}>
          <Rows
            items={mpp.translations}
            empty={t('dashboard:translationsEmpty')}
            more={more(mpp.translations)}
            row={(doc) => (
              <li key={`${doc.collection}:${doc.id}`}>
                <a href={doc.href}>{doc.title}</a>
                <span className="mpp-locales">
                  {doc.locales.map((locale) => (
                    <a key={locale.locale} href={locale.href} data-state={locale.state} className="mpp-locale">
                      <bdi dir="ltr">{locale.locale}</bdi> {t(localeStates[locale.state as keyof typeof localeStates])}
                    </a>
                  ))}
                </span>
              </li>
            )}
          />
        </Panel>
        <Panel title={t('dashboard:unansweredTitle')} count={mpp.unanswered.length}>
          <Rows
            items={mpp.unanswered}
            empty={t('dashboard:unansweredEmpty')}
            more={more(mpp.unanswered)}
            row={(group) => (
              <li key={`${group.locale}:${group.query}`}>
                <span lang={group.locale}>{group.query}</span>
                <small>
                  <bdi dir="ltr">{group.locale}</bdi> ·{' '}
                  {t('dashboard:unansweredStats', { asked: group.count, unanswered: group.unanswered, unhelpful: group.unhelpful })}
                </small>
              </li>
            )}
          />
          {mpp.unanswered.length > 0 && (
            <p>
              <a href={`${adminRoute}/collections/feedback`}>{t('dashboard:answerInFeedback')}</a>
            </p>
          )}
        </Panel>
        <Panel title={t('dashboard:buildsTitle')}>
          <Rows
            items={mpp.builds}
            empty={t('dashboard:buildsEmpty')}
            more={more(mpp.builds)}
            row={(build) => (
              <li key={build.id}>
                <a href={build.href}>
                  <span className="mpp-state" data-state={build.state}>
                    {t(buildStates[build.state])}
                  </span>
                  {build.live && ` ${t('dashboard:liveNow')}`} · {when(build.at)}
                </a>
                <small>
                  {t(triggers[build.trigger])}
                  {build.leftOut.length > 0 && ` · ${t('dashboard:leftOut', { n: build.leftOut.length })}`}
                </small>
                {build.leftOut.length > 0 && (
                  <ul className="mpp-left-out">
                    {build.leftOut.map((doc) => (
                      <li key={doc.href}>
                        <a href={doc.href}>{doc.title}</a>: {doc.problem}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            )}
          />
        </Panel>
      </div>
    </section>
  )
}

/** Above the collection cards: for each MPP the signed-in user works in, what waits on them, in the admin's language. */
export async function MppDashboard({ payload, user, i18n }: ServerProps) {
  if (!user) return null
  const adminRoute = payload.config.routes.admin
  const mpps = await mppDashboard(payload, user, adminRoute)
  const words: Words = { t: i18n.t as T, when: timeIn(i18n.language) }
  return (
    <div className="mpp-dashboard">
      <h1>{words.t('dashboard:title')}</h1>
      {mpps.length === 0 && <p>{words.t('dashboard:notAssigned')}</p>}
      {mpps.map((mpp) => (
        <TenantSection key={String(mpp.tenant.id)} mpp={mpp} adminRoute={adminRoute} words={words} />
      ))}
    </div>
  )
}
