import { useEffect, useRef, useState } from 'react'

import { retryable, rewardsFailureKey, tutorialOf } from '../../lib/rewards'
import { RewardsError, type RewardsClient, type TutorialProgress, type Voucher } from '../../lib/rewardsApi'

/** A live campaign as the page built it: texts already localized, tutorial steps as safe HTML. */
export type CampaignInfo = {
  slug: string
  title: string
  titleLang?: string
  voucher: string
  validity: string
  ends: string
  /** Whether the tutorial starts with the Center's own animation (the page gives its art once, to every card). */
  animation?: boolean
  videoUrl?: string
  steps: string[]
}

type Props = {
  campaign: CampaignInfo
  /** The Center's tutorial animation, inline SVG markup styled and played by the page. */
  art: string
  t: (key: string, values?: Record<string, string>) => string
  /** A string for a count, in the locale's plural form (`rewards.left.one`, `.other`, …). */
  tc: (key: string, count: number) => string
  formatCount: (count: number) => string
  /** Null until the user's rewards are loaded, or without a token. */
  live: null | {
    client: RewardsClient
    done: number
    remaining?: number
    voucher?: Voucher
    newUser: boolean | null
    onProgress: (progress: TutorialProgress) => void
    onVoucher: (voucher: Voucher) => void
    /** The user's token was refused: the page renews it through the host app and reloads the rewards. */
    onExpired: () => void
  }
}

/** Failure kinds from whatever a call threw. */
const kindOf = (error: unknown) => (error instanceof RewardsError ? error.kind : 'unavailable')

/** One campaign: what it gives, how many are left, and for a signed-in user its tutorial and claim. */
export function CampaignCard({ campaign, art, t, tc, formatCount, live }: Props) {
  const parts = tutorialOf(campaign)
  const [open, setOpen] = useState(false)
  // The animation and the video share one gate: Next waits until the user has seen them to the end.
  const [video, setVideo] = useState<'playing' | 'ended' | 'failed'>('playing')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ key: string; alert: boolean } | null>(null)
  // One claim keeps its key through retries, so a retry after a lost answer cannot claim twice.
  const claimKey = useRef<string | null>(null)

  const done = Math.min(live?.done ?? 0, parts.length)
  const finished = done >= parts.length
  const soldOut = live?.remaining === 0 && !live.voucher

  async function next() {
    if (!live) return
    setBusy(true)
    setMessage(null)
    try {
      const progress = await live.client.progress(campaign.slug, done + 1)
      live.onProgress(progress)
      setVideo('playing')
    } catch (error) {
      if (kindOf(error) === 'unauthorized') live.onExpired()
      else setMessage({ key: rewardsFailureKey(kindOf(error)), alert: true })
    } finally {
      setBusy(false)
    }
  }

  async function claim() {
    if (!live) return
    setBusy(true)
    setMessage(null)
    claimKey.current ??= crypto.randomUUID()
    try {
      live.onVoucher(await live.client.claim(campaign.slug, claimKey.current))
      claimKey.current = null
      setMessage({ key: 'rewards.claimed', alert: false })
    } catch (error) {
      const kind = kindOf(error)
      if (!retryable(kind)) claimKey.current = null
      if (error instanceof RewardsError && error.voucher) live.onVoucher(error.voucher)
      // A refused token claimed nothing: the page renews it, and the user claims again with the new one.
      if (kind === 'unauthorized') live.onExpired()
      else setMessage({ key: rewardsFailureKey(kind), alert: kind !== 'already-claimed' })
    } finally {
      setBusy(false)
    }
  }

  const part = parts[done]
  return (
    <li id={campaign.slug} className="campaign">
      <h3 lang={campaign.titleLang}>{campaign.title}</h3>
      <p>{campaign.voucher}</p>
      <p className="meta">
        {campaign.validity} · {campaign.ends}
      </p>
      {/* How many are left has a line of its own, kept empty until the count arrives: the card does not grow then. */}
      {live?.remaining !== undefined ? (
        <p className="meta left">{live.remaining ? tc('rewards.left', live.remaining) : t('rewards.soldOut')}</p>
      ) : (
        <p className="meta left-pending" aria-hidden="true">
          {'\u00a0'}
        </p>
      )}
      {live?.voucher && message?.key !== 'rewards.claimed' && <p className="claimed">{t('rewards.yours')}</p>}
      {message && (
        <p role={message.alert ? 'alert' : 'status'} className={message.alert ? 'failure' : 'done'}>
          {t(message.key, { code: live?.voucher?.code ?? '' })}
        </p>
      )}
      {/* Until the user's state arrives, the room its button takes: the cards below do not move when it appears. */}
      {!live && <div className="tutorial-placeholder" aria-hidden="true" />}
      {live && !live.voucher && !soldOut && live.newUser === false && <p className="note">{t('rewards.error.not-eligible')}</p>}
      {live && !live.voucher && !soldOut && live.newUser !== false && (
        <div className="tutorial">
          {!finished && !open && (
            <button type="button" onClick={() => setOpen(true)}>
              {done ? t('rewards.continue', { done: formatCount(done), parts: formatCount(parts.length) }) : t('rewards.start')}
            </button>
          )}
          {!finished && open && part && (
            <section aria-label={t('rewards.tutorial.heading', { title: campaign.title })}>
              <p className="part">{t('rewards.tutorial.part', { n: formatCount(done + 1), total: formatCount(parts.length) })}</p>
              {part.kind === 'animation' ? (
                <TutorialAnimation art={art} t={t} watched={video === 'ended'} onWatched={() => setVideo('ended')} />
              ) : part.kind === 'video' ? (
                <>
                  <video
                    controls
                    preload="metadata"
                    playsInline
                    src={part.url}
                    onEnded={() => setVideo('ended')}
                    onError={() => setVideo('failed')}
                  />
                  <p className="note">{t(video === 'failed' ? 'rewards.tutorial.videoFailed' : 'rewards.tutorial.video')}</p>
                </>
              ) : (
                <div className="step" dangerouslySetInnerHTML={{ __html: part.html }} />
              )}
              <button type="button" onClick={() => void next()} disabled={busy || (part.kind !== 'step' && video === 'playing')}>
                {t('rewards.tutorial.next')}
              </button>
            </section>
          )}
          {finished && (
            <>
              <p className="done">{t('rewards.tutorial.done')}</p>
              <button type="button" className="primary" onClick={() => void claim()} disabled={busy}>
                {busy ? t('rewards.claiming') : t('rewards.claim')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  )
}

/**
 * The Center's own how-to-pay animation, played from the page itself (no outside host): three
 * scenes with their captions as text. With reduced motion it stands still on the last scene, the
 * captions say every step, and the user may continue at once.
 */
function TutorialAnimation({ art, t, watched, onWatched }: { art: string; t: Props['t']; watched: boolean; onWatched: () => void }) {
  const seen = useRef(onWatched)
  seen.current = onWatched
  useEffect(() => {
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) seen.current()
  }, [])
  return (
    <figure className="tut" onAnimationEnd={(event) => (event.target as Element).classList.contains('tut-scene-3') && onWatched()}>
      <div className="tut-frame" dangerouslySetInnerHTML={{ __html: art }} />
      <figcaption>
        <ol className="tut-captions">
          {(['scan', 'confirm', 'discount'] as const).map((scene) => (
            <li key={scene}>{t(`rewards.tutorial.animation.${scene}`)}</li>
          ))}
        </ol>
        {!watched && <p className="note">{t('rewards.tutorial.animation.watch')}</p>}
      </figcaption>
    </figure>
  )
}
