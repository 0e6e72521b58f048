import { CircleAlert, CircleCheck, Inbox, WifiOff } from 'lucide-static'

/** The icons of the islands' states, the same Lucide set the pages inline at build time. */
const icons = { error: CircleAlert, success: CircleCheck, empty: Inbox, offline: WifiOff }

/** A decorative state icon: the text beside it says what happened. */
export function StateIcon({ name }: { name: keyof typeof icons }) {
  return <span className={`state-icon state-icon-${name}`} aria-hidden="true" dangerouslySetInnerHTML={{ __html: icons[name] }} />
}
