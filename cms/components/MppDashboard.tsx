import type { ServerProps } from 'payload'
import type { ReactNode } from 'react'

import { mppDashboard, type DashboardDoc, type TenantDashboard } from '../dashboard/mppDashboard'

const kinds: Record<DashboardDoc['collection'], string> = { qas: 'Q&A', guides: 'Guide', campaigns: 'Campaign' }
const stateLabels = { outdated: 'outdated', missing: 'missing' } as const
/** How many rows a list shows before the rest fold away. */
const shown = 6

const when = (iso: string) =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC'

/** A list that shows its first rows and folds the rest under "N more". */
function Rows<T>({ items, empty, row }: { items: T[]; empty: string; row: (item: T) => ReactNode }) {
  if (!items.length) return <p className="mpp-empty">{empty}</p>
  return (
    <>
      <ul className="mpp-rows">{items.slice(0, shown).map(row)}</ul>
      {items.length > shown && (
        <details className="mpp-more">
          <summary>{items.length - shown} more</summary>
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

function TenantSection({ mpp, adminRoute }: { mpp: TenantDashboard; adminRoute: string }) {
  const headingId = `mpp-${mpp.tenant.slug}`
  const reviewTitle = mpp.role === 'editor' ? 'Waiting for a publisher' : 'Waiting for your review'
  return (
    <section className="mpp-tenant" aria-labelledby={headingId} data-tenant={mpp.tenant.slug}>
      <h2 id={headingId}>
        {mpp.tenant.name} <small>{mpp.role === 'super-admin' ? 'super-admin' : mpp.role}</small>
      </h2>
      <div className="mpp-panels">
        <Panel title={reviewTitle} count={mpp.reviews.length}>
          <Rows
            items={mpp.reviews}
            empty="No review requests."
            row={(review) => (
              <li key={`${review.collection}:${review.id}`}>
                <a href={review.href}>{review.title}</a>
                <small>
                  {kinds[review.collection]} · asked by {review.requestedBy}, {when(review.requestedAt)}
                </small>
                {review.note && <q>{review.note}</q>}
              </li>
            )}
          />
        </Panel>
        <Panel title="Drafts not yet published" count={mpp.drafts.length}>
          <Rows
            items={mpp.drafts}
            empty="Every document is published as it is."
            row={(draft) => (
              <li key={`${draft.collection}:${draft.id}`}>
                <a href={draft.href}>{draft.title}</a>
                <small>
                  {kinds[draft.collection]} · {draft.neverPublished ? 'never published' : 'changed since published'} ·{' '}
                  {when(draft.updatedAt)}
                </small>
              </li>
            )}
          />
        </Panel>
        <Panel title="Translations to do" count={mpp.translations.length}>
          <Rows
            items={mpp.translations}
            empty="Every translation is up to date."
            row={(doc) => (
              <li key={`${doc.collection}:${doc.id}`}>
                <a href={doc.href}>{doc.title}</a>
                <span className="mpp-locales">
                  {doc.locales.map((locale) => (
                    <a key={locale.locale} href={locale.href} data-state={locale.state} className="mpp-locale">
                      {locale.locale} {stateLabels[locale.state as keyof typeof stateLabels]}
                    </a>
                  ))}
                </span>
              </li>
            )}
          />
        </Panel>
        <Panel title="Questions without a good answer" count={mpp.unanswered.length}>
          <Rows
            items={mpp.unanswered}
            empty="No unanswered questions in the last 90 days."
            row={(group) => (
              <li key={`${group.locale}:${group.query}`}>
                <span lang={group.locale}>{group.query}</span>
                <small>
                  {group.locale} · asked {group.count}× · {group.unanswered} unanswered, {group.unhelpful} unhelpful
                </small>
              </li>
            )}
          />
          {mpp.unanswered.length > 0 && (
            <p>
              <a href={`${adminRoute}/collections/feedback`}>Answer them in Feedback</a>
            </p>
          )}
        </Panel>
        <Panel title="Last builds">
          <Rows
            items={mpp.builds}
            empty="No builds yet."
            row={(build) => (
              <li key={build.id}>
                <a href={build.href}>
                  <span className="mpp-state" data-state={build.state}>
                    {build.state}
                  </span>
                  {build.live && ' (live)'} · {when(build.at)}
                </a>
                <small>
                  {build.trigger}
                  {build.leftOut.length > 0 && ` · left out ${build.leftOut.length}`}
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

/** Above the collection cards: for each MPP the signed-in user works in, what waits on them. */
export async function MppDashboard({ payload, user }: ServerProps) {
  if (!user) return null
  const adminRoute = payload.config.routes.admin
  const mpps = await mppDashboard(payload, user, adminRoute)
  return (
    <div className="mpp-dashboard">
      <h1>Your MPPs</h1>
      {mpps.length === 0 && <p>You are not assigned to any MPP yet: ask a super-admin.</p>}
      {mpps.map((mpp) => (
        <TenantSection key={String(mpp.tenant.id)} mpp={mpp} adminRoute={adminRoute} />
      ))}
    </div>
  )
}
