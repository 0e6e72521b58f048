import type { CollectionConfig, Field, SanitizedCollectionConfig } from 'payload'
import { beforeAll, describe, expect, test, vi } from 'vitest'

import { Builds } from '../../cms/collections/Builds'
import { Campaigns } from '../../cms/collections/Campaigns'
import { Feedback } from '../../cms/collections/Feedback'
import { Guides } from '../../cms/collections/Guides'
import { Media } from '../../cms/collections/Media'
import { Popularity } from '../../cms/collections/Popularity'
import { QaCategories } from '../../cms/collections/QaCategories'
import { Qas } from '../../cms/collections/Qas'
import { ReviewRequests } from '../../cms/collections/ReviewRequests'
import { RewardClaims } from '../../cms/collections/RewardClaims'
import { Synonyms } from '../../cms/collections/Synonyms'
import { Tenants } from '../../cms/collections/Tenants'
import { TutorialProgress } from '../../cms/collections/TutorialProgress'
import { Users } from '../../cms/collections/Users'
import { Vouchers } from '../../cms/collections/Vouchers'
import { WebhookDeliveries } from '../../cms/collections/WebhookDeliveries'
import { tenantRoleField } from '../../cms/fields/tenantRole'
import { adminLanguages } from '../../cms/i18n'
import { fieldDescriptions, fieldLabels, optionLabels, rowLabels } from '../../cms/i18n/fieldLabels'

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

/**
 * Every field an editor sees in a collection's forms and lists, with its label, its description and
 * its options' labels, by its path; rows, collapsibles and tabs are walked through. (A UI field
 * shows its own component, and Payload shows no label for it.)
 */
function visibleLabels(fields: Field[], path: string[] = []): [string, unknown][] {
  return fields.flatMap((field) => {
    if (field.type === 'ui' || ('hidden' in field && field.hidden) || field.admin?.hidden || field.admin?.disabled) return []
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => visibleLabels(tab.fields, 'name' in tab ? [...path, tab.name] : path))
    if (!('name' in field)) return 'fields' in field ? visibleLabels(field.fields, path) : []
    const here = [...path, field.name]
    const own: [string, unknown][] = [[here.join('.'), field.label]]
    const description = field.admin && 'description' in field.admin ? field.admin.description : undefined
    if (description !== undefined) own.push([`${here.join('.')} description`, description])
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

/** Where a field's words fall short: a label from Payload itself (a function, as for the email, the dates and the status) is in all its languages. */
function gapsIn(fields: Field[]): string[] {
  return visibleLabels(fields).flatMap(([path, label]) =>
    typeof label === 'function' ? [] : missingLanguages(label).map((gap) => `${path}: ${gap}`),
  )
}

const collections: CollectionConfig[] = [
  Qas,
  Guides,
  QaCategories,
  Campaigns,
  Media,
  Synonyms,
  Tenants,
  ReviewRequests,
  Feedback,
  Builds,
  Users,
  Vouchers,
  RewardClaims,
  Popularity,
  TutorialProgress,
  WebhookDeliveries,
]

/**
 * The collections as the admin shows them: sanitized by cms/payload.config.ts, with the fields the
 * plugins (the MPP on each document, a user's MPPs), auth and uploads add, and a label made from the
 * name ("Claimed At") wherever a field has none, which is what an editor saw before in every language.
 */
let sanitized: Map<string, SanitizedCollectionConfig>
beforeAll(async () => {
  vi.stubEnv('PAYLOAD_SECRET', 'field-labels-spec')
  const config = await (await import('../../cms/payload.config')).default
  sanitized = new Map(config.collections.map((collection) => [collection.slug, collection]))
  vi.unstubAllEnvs()
}, 60_000)

describe('field labels', () => {
  test.each([
    ['fieldLabels', fieldLabels],
    ['rowLabels', rowLabels],
    ['optionLabels', optionLabels],
    ['fieldDescriptions', fieldDescriptions],
  ])('%s gives every entry a word in each of the admin languages', (_, table) => {
    const entries = labelsIn(table)
    expect(entries.length).toBeGreaterThan(5)
    const gaps = entries.flatMap(([path, label]) => missingLanguages(label).map((gap) => `${path}: ${gap}`))
    expect(gaps).toEqual([])
  })

  test.each(collections.map((collection) => [collection.slug] as const))(
    '%s: the words above its list, every field an editor sees, its description, its rows and its select options are in every admin language',
    (slug) => {
      const collection = sanitized.get(slug)
      expect(collection, slug).toBeDefined()
      const description = collection!.admin.description
      const listGaps = description === undefined ? [] : missingLanguages(description).map((gap) => `(above the list): ${gap}`)
      expect([...listGaps, ...gapsIn(collection!.fields)]).toEqual([])
    },
  )

  test('every collection of the Center is checked', () => {
    const checked = collections.map(({ slug }) => slug)
    expect([...sanitized.keys()].filter((slug) => !slug.startsWith('payload-') && !checked.includes(slug))).toEqual([])
  })

  test('a field the sanitized config names from its name, or a plain-English description, is caught', () => {
    expect(gapsIn([{ name: 'claimedAt', label: 'Claimed At', type: 'date' }])).toEqual(['claimedAt: (not a label in every language)'])
    expect(gapsIn([{ name: 'user', label: fieldLabels.shared.user, type: 'text', admin: { description: 'The wallet user.' } }])).toEqual([
      'user description: (not a label in every language)',
    ])
    expect(
      gapsIn([
        { name: 'outcome', label: fieldLabels['reward-claims'].outcome, type: 'select', options: [{ label: 'issued', value: 'issued' }] },
      ]),
    ).toEqual(['outcome option issued: (not a label in every language)'])
  })

  test("the role in a user's MPP is labelled in every admin language, and so are its options", () => {
    expect(gapsIn([tenantRoleField])).toEqual([])
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
