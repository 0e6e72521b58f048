import { useEffect, useRef, useState } from 'react'

import type { MppErrorKind } from '../../../../mpp/contract/client'
import { failureKey } from '../../lib/mppErrors'
import { useSession } from './session'
import { StateIcon } from './StateIcon'

type Props = { kind: MppErrorKind; t: (key: string) => string; onRetry: () => void }

/**
 * Why the MPP could not help, in the user's words, with a retry that works for every kind; offline,
 * it retries by itself when the connection returns. A refused token is renewed by itself through the
 * host app (onRetry asks it); only when no host answers does the user read what to do.
 */
export function Failure({ kind, t, onRetry }: Props) {
  const [offline, setOffline] = useState(() => typeof navigator !== 'undefined' && !navigator.onLine)
  const session = useSession()
  const expired = kind === 'unauthorized'
  useEffect(() => {
    const goneOffline = () => setOffline(true)
    window.addEventListener('offline', goneOffline)
    window.addEventListener('online', onRetry)
    return () => {
      window.removeEventListener('offline', goneOffline)
      window.removeEventListener('online', onRetry)
    }
  }, [onRetry])
  // Once per refusal (a new refusal mounts a new Failure), with the retry it was shown with.
  const renewOnce = useRef(onRetry)
  useEffect(() => {
    if (expired) renewOnce.current()
  }, [expired])
  if (expired && !offline && session !== 'ended')
    return (
      <div role="status" className="state renewing">
        <p>{t('mpp.session.renewing')}</p>
      </div>
    )
  return (
    <div role="alert" className={`state failure failure-${offline ? 'offline' : kind}`}>
      <StateIcon name={offline ? 'offline' : 'error'} />
      <p>{t(offline ? 'mpp.offline' : failureKey(kind))}</p>
      {(!expired || offline) && (
        <button type="button" className="primary" onClick={onRetry}>
          {t('mpp.retry')}
        </button>
      )}
    </div>
  )
}
