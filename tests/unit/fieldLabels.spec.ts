import type { CollectionConfig, Field } from 'payload'
import { describe, expect, test } from 'vitest'

import { Builds } from '../../cms/collections/Builds'
import { Campaigns } from '../../cms/collections/Campaigns'
import { Feedback } from '../../cms/collections/Feedback'
import { Guides } from '../../cms/collections/Guides'
import { Media } from '../../cms/collections/Media'
import { QaCategories } from '../../cms/collections/QaCategories'
import { Qas } from '../../cms/collections/Qas'
import { ReviewRequests } from '../../cms/collections/ReviewRequests'
import { Synonyms } from '../../cms/collections/Synonyms'
import { Tenants } from '../../cms/collections/Tenants'
import { tenantRoleField } from '../../cms/fields/tenantRole'
import { adminLanguages } from '../../cms/i18n'
import { fieldLabels, optionLabels, rowLabels } from '../../cms/i18n/fieldLabels'

/** Where a label lacks one of the admin's languages, or has an empty word, or is not a per-language table at all. */
function missingLanguages(label: unknown): string[] {
  if (!label || typeof label !== 'object') return ['(not a label in every language)']
  const words = label as Record<string, unknown>
  const missing = adminLanguages.filter((language) => typeof words[language] !== 'string' || !(words[language] as string).trim())
  const unknown = Object.keys(words).filter((language) => !(adminLanguages as string[]).includes(language))
  return [...missing, ...unknown.map((language) => `${language} (not an admin language)`)]
}

/** Every label in a table, by its path ("qas.question", "steps.singular"). */
function labelsIn(table: object, path: string[] = []): [string, unknown][] {
  return Object.entries(table).flatMap(([key, value]) => {
    const here = [...path, key]
    const isWords = value && typeof value === 'object' && Object.values(value).every((word) => typeof word === 'string')
    return isWords || !value || typeof value !== 'object' ? [[here.join('.'), value]] : labelsIn(value as object, here)
  })
}

/** Every field an editor sees in a collection's forms and lists, with its label and its options' labels, by its path. */
function visibleLabels(fields: Field[], path: string[] = []): [string, unknown][] {
  return fields.flatMap((field) => {
    if (!('name' in field) || field.type === 'ui' || ('hidden' in field && field.hidden) || field.admin?.hidden) return []
    const here = [...path, field.name]
    const own: [string, unknown][] = [[here.join('.'), field.label]]
    if (field.type === 'select' || field.type === 'radio') {
      for (const option of field.options)
        own.push([
          `${here.join('.')} option ${typeof option === 'string' ? option : option.value}`,
          typeof option === 'string' ? undefined : option.label,
        ])
    }
    if (field.type === 'array')
      own.push([`${here.join('.')} rows`, field.labels?.singular], [`${here.join('.')} rows (plural)`, field.labels?.plural])
    return field.type === 'group' || field.type === 'array' ? [...own, ...visibleLabels(field.fields, here)] : own
  })
}

const collections: CollectionConfig[] = [Qas, Guides, QaCategories, Campaigns, Media, Synonyms, Tenants, ReviewRequests, Feedback, Builds]

describe('field labels', () => {
  test.each([
    ['fieldLabels', fieldLabels],
    ['rowLabels', rowLabels],
    ['optionLabels', optionLabels],
  ])('%s gives every entry a word in each of the admin languages', (_, table) => {
    const entries = labelsIn(table)
    expect(entries.length).toBeGreaterThan(5)
    const gaps = entries.flatMap(([path, label]) => missingLanguages(label).map((gap) => `${path}: ${gap}`))
    expect(gaps).toEqual([])
  })

  test.each(collections.map((collection) => [collection.slug, collection] as const))(
    '%s: every field an editor sees, its rows and its select options are labelled in every admin language',
    (_, collection) => {
      const gaps = visibleLabels(collection.fields).flatMap(([path, label]) => missingLanguages(label).map((gap) => `${path}: ${gap}`))
      expect(gaps).toEqual([])
    },
  )

  test("the role in a user's MPP is labelled in every admin language, and so are its options", () => {
    expect(visibleLabels([tenantRoleField]).flatMap(([path, label]) => missingLanguages(label).map((gap) => `${path}: ${gap}`))).toEqual([])
  })

  test('a label without a language is caught', () => {
    const { ja: _ja, ...withoutJapanese } = fieldLabels.qas.question
    expect(missingLanguages(withoutJapanese)).toEqual(['ja'])
    expect(missingLanguages('Question')).toEqual(['(not a label in every language)'])
  })

  test('the English words are those the admin showed before (what the tests and editors know)', () => {
    expect(
      Qas.fields.flatMap((field) =>
        'name' in field && typeof field.label === 'object' ? [(field.label as Record<string, string>).en] : [],
      ),
    ).toEqual(expect.arrayContaining(['Question', 'Answer', 'Category', 'Pinned', 'Slug', 'Order']))
    expect(fieldLabels.tenants.webhookSecrets.en).toBe('Webhook Secrets')
    expect(fieldLabels.guides.related.en).toBe('Related Q&As')
  })
})
