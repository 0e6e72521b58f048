import { describe, expect, test } from 'vitest'

import { checkBrandColour } from '../../cms/fields/brandColour'
import { unsafeLink } from '../../cms/fields/richText'
import { adminLanguages } from '../../cms/i18n'
import { adminLanguageOf, adminMessage, placeholdersOf, validationMessages, wordIn } from '../../cms/i18n/validationMessages'

const keys = Object.keys(validationMessages) as (keyof typeof validationMessages)[]

/**
 * What an editor types or reads as code, kept as it is in every language: addresses and schemes,
 * colour and currency codes, standards, query strings, quoted JSON names and example slugs.
 */
const technicalTokens = (text: string) =>
  [
    ...text.matchAll(/https:\/\/[\w./-]*\w|https:|mailto:|tel:|#[0-9a-f]{6}|ISO 4217|USD|WCAG AA|JSON Web Key Set|\?draft=true|"[\w-]+"/g),
  ].map((match) => match[0])

describe('validation messages', () => {
  test.each(keys)('%s is written in all nine admin languages and no other', (key) => {
    const message = validationMessages[key] as Record<string, string>
    expect(Object.keys(message).sort()).toEqual([...adminLanguages].sort())
    for (const language of adminLanguages) expect(message[language]?.trim(), language).toBeTruthy()
  })

  test.each(keys)('%s names the same values in every language', (key) => {
    const message = validationMessages[key] as Record<string, string>
    const english = [...new Set(placeholdersOf(message.en!))]
    for (const language of adminLanguages) expect([...new Set(placeholdersOf(message[language]!))], language).toEqual(english)
  })

  test.each(keys)('%s keeps the codes and addresses of the English text, and is translated', (key) => {
    const message = validationMessages[key] as Record<string, string>
    const tokens = technicalTokens(message.en!)
    for (const language of adminLanguages) {
      for (const token of tokens) expect(message[language], `${language}: ${token}`).toContain(token)
      if (language !== 'en') expect(message[language], language).not.toBe(message.en)
    }
  })
})

describe('adminMessage', () => {
  test("speaks the request's admin language and fills in the values", () => {
    expect(adminMessage({ i18n: { language: 'ja' } }, 'slugTaken', { slug: 'pay-online' })).toBe(
      'この MPP には、スラッグが "pay-online" のドキュメントがすでにあります。',
    )
    expect(adminMessage('ar', 'dateAfter', { field: 'يبدأ في' })).toBe('يجب أن يكون بعد يبدأ في.')
  })

  test('falls back to English for a request without a language, or in one the admin does not speak', () => {
    const english = 'This MPP already has a document with the slug "x".'
    expect(adminMessage(undefined, 'slugTaken', { slug: 'x' })).toBe(english)
    expect(adminMessage({ i18n: { language: 'ms' } }, 'slugTaken', { slug: 'x' })).toBe(english)
    expect(adminMessage({}, 'slugTaken', { slug: 'x' })).toBe(english)
    expect(adminLanguageOf({ i18n: { language: 'zh-TW' } })).toBe('zh-TW')
  })

  test('leaves a placeholder it was given no value for as it is', () => {
    expect(adminMessage('en', 'slugTaken')).toBe('This MPP already has a document with the slug "{{slug}}".')
  })

  test('labels come in the language asked for, else English', () => {
    expect(wordIn({ en: 'Answer', ja: '回答' }, 'ja')).toBe('回答')
    expect(wordIn({ en: 'Answer' }, 'ja')).toBe('Answer')
    expect(wordIn('Answer', 'ja')).toBe('Answer')
    expect(wordIn(undefined, 'ja')).toBeUndefined()
  })
})

describe('field checks in the editor language', () => {
  test('a brand colour names the field, the pair and the ratio in Japanese and Arabic', () => {
    expect(checkBrandColour('アクセントカラー', '#ffd400', 'ja')).toBe(
      'アクセントカラー #ffd400 と白い文字（#ffffff）のコントラスト比は 1.43:1 です。WCAG AA では 4.5:1 以上が必要です。もっと濃い色を選んでください。',
    )
    expect(checkBrandColour('اللون', 'blue', 'ar')).toBe('استخدم لونًا بصيغة مثل #1a2b3c.')
  })

  test('a javascript: link is refused in the language of the request', () => {
    const value = { root: { children: [{ type: 'link', fields: { url: 'javascript:alert(1)' } }] } }
    expect(unsafeLink(value, { i18n: { language: 'ja' } })).toBe(
      'リンクに "javascript:" は使えません（"javascript:alert(1)"）。ブラウザーがコードとして実行したり開いたりしてしまいます。代わりに https:、mailto:、tel: のアドレスにリンクしてください。',
    )
    expect(unsafeLink(value)).toMatch(/^A link may not use "javascript:"/)
  })
})
