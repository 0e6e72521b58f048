/** The Center's mark: a speech bubble with a check, the help centre that answers. Inline SVG, no request. */
function Mark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#1f4f8f" />
      <path d="M9 10.5h14a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-7l-4.5 3.5v-3.5H9a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2Z" fill="#fff" />
      <path d="m12.5 16 2.3 2.3 4.7-4.6" fill="none" stroke="#1f4f8f" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
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
