import { useEffect, useState } from 'react'

import type { MppErrorKind } from '../../../../mpp/contract/client'
import { failureKey } from '../../lib/mppErrors'
import { StateIcon } from './StateIcon'

type Props = { kind: MppErrorKind; t: (key: string) => string; onRetry: () => void }

/** Why the MPP could not help, in the user's words, with a retry that works for every kind; offline, it retries by itself when the connection returns. */
export function Failure({ kind, t, onRetry }: Props) {
  const [offline, setOffline] = useState(() => typeof navigator !== 'undefined' && !navigator.onLine)
  useEffect(() => {
    const goneOffline = () => setOffline(true)
    window.addEventListener('offline', goneOffline)
    window.addEventListener('online', onRetry)
    return () => {
      window.removeEventListener('offline', goneOffline)
      window.removeEventListener('online', onRetry)
    }
  }, [onRetry])
  return (
    <div role="alert" className={`state failure failure-${offline ? 'offline' : kind}`}>
      <StateIcon name={offline ? 'offline' : 'error'} />
      <p>{t(offline ? 'mpp.offline' : failureKey(kind))}</p>
      <button type="button" className="primary" onClick={onRetry}>
        {t('mpp.retry')}
      </button>
    </div>
  )
}
