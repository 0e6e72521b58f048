import { StateIcon } from './StateIcon'

/** Grey rows the size of the list to come, rendered on the server too, so nothing shifts when data arrives. */
export function Skeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div role="status" className="skeleton">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-row" aria-hidden="true">
          <span />
          <span />
        </div>
      ))}
    </div>
  )
}

/** An empty list: an icon and what it means. */
export function Empty({ text }: { text: string }) {
  return (
    <div className="state empty">
      <StateIcon name="empty" />
      <p>{text}</p>
    </div>
  )
}
