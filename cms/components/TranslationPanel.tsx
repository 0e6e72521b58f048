'use client'

import { useDocumentInfo, useFormFields, useFormInitializing, useLocale, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import type { AdminTranslationKeys, AdminTranslations } from '../i18n/translations'
import { editingTranslationStatus, textSignature } from '../lib/translationStatus'

const labels = {
  current: 'translationPanel:current',
  outdated: 'translationPanel:outdated',
  missing: 'translationPanel:missing',
} as const satisfies Record<string, AdminTranslationKeys>

type Props = {
  locales: string[]
  defaultLocale: string
  /** Each locale's saved stamp when the page was rendered. */
  translatedAt: Record<string, string | null>
  /** The fields whose text is translated (the stampTranslation hook's list). */
  texts: string[]
  /** The document's admin address, without a locale. */
  href: string
}

/**
 * The translation states as the editor types: a change to a translated field in this locale counts
 * as written now, until it is saved and stamped by the server. Each locale opens the document in it.
 */
export function TranslationPanel({ locales, defaultLocale, translatedAt, texts, href }: Props) {
  const { t } = useTranslation<AdminTranslations, AdminTranslationKeys>()
  const { code: editing } = useLocale()
  const { data } = useDocumentInfo()
  const initializing = useFormInitializing()
  const signature = useFormFields(([fields]) => textSignature(fields, texts))
  // The text as last loaded or saved: what the form is compared against.
  const saved = `${editing}:${String(data?.updatedAt ?? '')}`
  const [baseline, setBaseline] = useState<{ saved: string; signature: string } | null>(null)
  if (!initializing && baseline?.saved !== saved) setBaseline({ saved, signature })
  const changed = baseline !== null && baseline.saved === saved && baseline.signature !== signature
  const stamp = (data as { translatedAt?: string | null } | undefined)?.translatedAt
  const status = editingTranslationStatus({
    locales,
    defaultLocale,
    translatedAt: stamp ? { ...translatedAt, [editing]: stamp } : translatedAt,
    editing,
    changed,
  })
  return (
    <div className="field-type translation-status" aria-live="polite">
      <p className="field-label">
        {t('translationPanel:title')} (
        <a href={`${href}?locale=${defaultLocale}`}>
          <bdi dir="ltr">{defaultLocale}</bdi>
        </a>
        )
      </p>
      <ul>
        {status.map(({ locale, state, unsaved }) => (
          <li key={locale} data-state={state} aria-current={locale === editing ? 'true' : undefined}>
            <a href={`${href}?locale=${locale}`}>
              <bdi dir="ltr">{locale}</bdi>: {t(labels[state])}
            </a>
            {unsaved && <small> {t('translationPanel:unsaved')}</small>}
          </li>
        ))}
      </ul>
    </div>
  )
}
