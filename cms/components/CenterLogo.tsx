import { mark } from './centerMark'

/** The Center's mark, inline SVG: no request. */
function Mark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill={mark.colour} />
      <path d={mark.bubble} fill="#fff" />
      <path d={mark.check} fill="none" stroke={mark.colour} strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/** The sign-in page's logo: the mark and the product's name, in place of Payload's. */
export function CenterLogo() {
  return (
    <span role="img" aria-label="Center" style={{ display: 'inline-flex', alignItems: 'center', gap: '0.6rem' }}>
      <Mark size={40} />
      <span aria-hidden="true" style={{ fontSize: '1.75rem', fontWeight: 700, letterSpacing: '-0.01em' }}>
        Center
      </span>
    </span>
  )
}

/** The navigation's icon: the mark alone, at the 18 px Payload's breadcrumb keeps for it. */
export function CenterIcon() {
  return (
    <span role="img" aria-label="Center" style={{ display: 'inline-flex' }}>
      <Mark size={18} />
    </span>
  )
}
