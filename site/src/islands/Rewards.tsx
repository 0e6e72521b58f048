import { useCallback, useEffect, useRef, useState } from 'react'

import { translate, translateCount } from '../i18n/format'
import { rewardsFailureKey, voucherFor, withVoucher } from '../lib/rewards'
import {
  createRewardsClient,
  RewardsError,
  type MyRewards,
  type RewardsClient,
  type TutorialProgress,
  type Voucher,
} from '../lib/rewardsApi'
import { CampaignCard, type CampaignInfo } from './parts/CampaignCard'
import { useTokenClient } from './parts/hooks'
import { MyVouchers } from './parts/MyVouchers'

type Props = {
  apiBaseUrl?: string
  tenant: string
  locale: string
  campaigns: CampaignInfo[]
  strings: Record<string, string>
  /** Who may frame the page and answer its token requests (docs/host-bridge.md). */
  hostOrigins?: string[]
  /** The Center's tutorial animation (inline SVG), for campaigns that start with it. */
  art: string
}

type State = { kind: 'loading' } | { kind: 'failed'; failure: string } | { kind: 'ready'; mine: MyRewards; remaining: Map<string, number> }

/**
 * The rewards page's live part: each running campaign with its tutorial and claim for the user of
 * the token, and their vouchers. Without the Center API (a site built with no CMS) or without a
 * token, it shows the campaigns and says why nothing can be claimed here.
 */
export default function Rewards({ apiBaseUrl, tenant, locale, campaigns, strings, hostOrigins, art }: Props) {
  const t = translate(strings, locale)
  const tc = translateCount(strings, locale)
  const make = useCallback(
    (token: string) => createRewardsClient({ baseUrl: apiBaseUrl ?? '', tenant, token, locale }),
    [apiBaseUrl, tenant, locale],
  )
  const { client, renew, session } = useTokenClient(make, hostOrigins)
  const [state, setState] = useState<State>({ kind: 'loading' })
  const generation = useRef(0)
  const formatCount = (count: number) => new Intl.NumberFormat(locale).format(count)

  const load = useCallback(async (api: RewardsClient) => {
    const mine = ++generation.current
    setState({ kind: 'loading' })
    try {
      const [rewards, remaining] = await Promise.all([api.mine(), api.remaining()])
      if (mine === generation.current) setState({ kind: 'ready', mine: rewards, remaining })
    } catch (error) {
      if (mine === generation.current) setState({ kind: 'failed', failure: error instanceof RewardsError ? error.kind : 'unavailable' })
    }
  }, [])

  useEffect(() => {
    if (client && apiBaseUrl) void load(client)
  }, [client, apiBaseUrl, load])

  // A refused token is renewed through the host app by itself; the new client reloads the page's rewards.
  const expired = state.kind === 'failed' && state.failure === 'unauthorized'
  useEffect(() => {
    if (expired) renew()
  }, [expired, renew])

  const change = useCallback((update: (mine: MyRewards) => MyRewards) => {
    setState((current) => (current.kind === 'ready' ? { ...current, mine: update(current.mine) } : current))
  }, [])
  const onProgress = (progress: TutorialProgress) =>
    change((mine) => ({ ...mine, tutorials: [...mine.tutorials.filter((p) => p.campaign !== progress.campaign), progress] }))
  const onVoucher = (voucher: Voucher) => {
    change((mine) => ({ ...mine, vouchers: withVoucher(mine.vouchers, voucher) }))
    // The budget moved: show the count the Center has now.
    if (client)
      void client.remaining().then(
        (remaining) => setState((current) => (current.kind === 'ready' ? { ...current, remaining } : current)),
        () => undefined,
      )
  }

  const onExpired = () => setState({ kind: 'failed', failure: 'unauthorized' })

  const ready = client && state.kind === 'ready' ? state : null
  let notice: { text: string; role?: 'status' | 'alert' } | null = null
  if (!apiBaseUrl) notice = { text: t('rewards.unavailable') }
  else if (client === null) notice = { text: t('rewards.needsApp') }
  // Before the token is read (and in the built HTML, which readers without scripts see) nothing is loading yet.
  else if (client && state.kind === 'loading') notice = { text: t('rewards.loading'), role: 'status' }
  else if (expired && session !== 'ended') notice = { text: t('mpp.session.renewing'), role: 'status' }
  else if (state.kind === 'failed') notice = { text: t(rewardsFailureKey(state.failure)), role: 'alert' }

  return (
    <div className="rewards">
      {notice && (
        // While loading, the words are for screen readers only: a line shown above the campaigns and then
        // removed would push them down and up again (layout shift); the cards' live parts fill in place.
        <div
          role={notice.role}
          className={notice.role === 'alert' ? 'failure' : state.kind === 'loading' && client ? 'notice visually-hidden' : 'notice'}
        >
          <p>{notice.text}</p>
          {notice.role === 'alert' && client && !expired && (
            <button type="button" onClick={() => void load(client)}>
              {t('mpp.retry')}
            </button>
          )}
        </div>
      )}
      <h2>{t('rewards.live')}</h2>
      {!campaigns.length && <p>{t('rewards.none')}</p>}
      <ul className="campaigns">
        {campaigns.map((campaign) => {
          const progress = ready?.mine.tutorials.find((p) => p.campaign === campaign.slug)
          return (
            <CampaignCard
              key={campaign.slug}
              campaign={campaign}
              art={art}
              t={t}
              tc={tc}
              formatCount={formatCount}
              live={
                ready && client
                  ? {
                      client,
                      done: progress?.done ?? 0,
                      remaining: ready.remaining.get(campaign.slug),
                      voucher: voucherFor(ready.mine.vouchers, campaign.slug),
                      newUser: ready.mine.newUser,
                      onProgress,
                      onVoucher,
                      onExpired,
                    }
                  : null
              }
            />
          )
        })}
      </ul>
      {ready && <MyVouchers vouchers={ready.mine.vouchers} locale={locale} t={t} />}
    </div>
  )
}
