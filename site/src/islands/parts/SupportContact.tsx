/**
 * The MPP's support contact after "not sure" or a "No" vote: the sentence with the address as a
 * link wherever the language puts its {email} placeholder, and a contact button.
 */
export function SupportContact({ email, t }: { email: string; t: (key: string) => string }) {
  const [beforeEmail, afterEmail = ''] = t('support.contact').split('{email}')
  return (
    <div className="ask-support">
      <p>
        {beforeEmail}
        <a href={`mailto:${email}`}>{email}</a>
        {afterEmail}
      </p>
      <a className="button secondary" href={`mailto:${email}`}>
        {t('ask.contact')}
      </a>
    </div>
  )
}
