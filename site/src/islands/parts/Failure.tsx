import type { MppErrorKind } from '../../../../mpp/contract/client'
import { failureKey } from '../../lib/mppErrors'

type Props = { kind: MppErrorKind; t: (key: string) => string; onRetry: () => void }

/** Why the MPP could not help, in the user's words, with a retry that works for every kind. */
export function Failure({ kind, t, onRetry }: Props) {
  return (
    <div role="alert" className={`failure failure-${kind}`}>
      <p>{t(failureKey(kind))}</p>
      <button type="button" onClick={onRetry}>
        {t('mpp.retry')}
      </button>
    </div>
  )
}
