import type { CollectionConfig, TextFieldManyValidation } from 'payload'
import { text } from 'payload/shared'

import { builtInConcepts } from '../../../content/ask/lexicon'
import { locales } from '../../../content/schema'
import { draftableContentAccess } from '../../access/draftableContent'
import { editorsSaveDrafts } from '../../hooks/editorsSaveDrafts'
import { queueTenantRebuild, queueTenantRebuildOnDelete } from '../../hooks/queueTenantRebuild'
import { collectionDescriptions, collectionLabels } from '../../i18n/collectionLabels'
import { conceptLabel, fieldDescriptions, fieldLabels, labelledOptions, optionLabels } from '../../i18n/fieldLabels'
import { adminMessage } from '../../i18n/validationMessages'
import { enabledLocale } from './enabledLocale'

/**
 * Phrases that say something: none blank, and two or more in a group of its own, which would
 * otherwise have nothing to stand for.
 */
const phrasesWithText: TextFieldManyValidation = (value, args) => {
  // Payload's own check (required, rows, lengths) reads hasMany from the field; its type says one string.
  const valid = (text as unknown as TextFieldManyValidation)(value, args)
  if (valid !== true || !value) return valid
  if (value.some((phrase) => !phrase.trim())) return adminMessage(args.req, 'phraseEmpty')
  const joins = (args.siblingData as { concept?: unknown }).concept
  return Boolean(joins) || value.length >= 2 || adminMessage(args.req, 'phrasesTooFew')
}

/**
 * The MPP's own words for the ask box (its lexicon): each group is phrases users say for one thing
 * in one locale, a wallet's nickname or a local ride app, added to the built-in payments lexicon
 * when the MPP's site is built. They change what the live ask box answers, so they are published
 * like Q&As: editors save drafts, publishers publish.
 */
export const Synonyms: CollectionConfig = {
  slug: 'synonyms',
  labels: collectionLabels.synonyms,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'phrases', 'locale', 'concept', '_status'],
    description: collectionDescriptions.synonyms,
  },
  versions: { drafts: { validate: true }, maxPerDoc: 50 },
  access: draftableContentAccess,
  hooks: {
    beforeOperation: [editorsSaveDrafts],
    afterChange: [queueTenantRebuild],
    afterDelete: [queueTenantRebuildOnDelete],
  },
  fields: [
    {
      name: 'name',
      label: fieldLabels.shared.name,
      type: 'text',
      admin: { description: fieldDescriptions.synonyms.name },
    },
    {
      name: 'locale',
      label: fieldLabels.shared.locale,
      type: 'select',
      required: true,
      options: labelledOptions(locales, optionLabels.locales),
      validate: enabledLocale,
      admin: { description: fieldDescriptions.synonyms.locale },
    },
    {
      name: 'phrases',
      label: fieldLabels.synonyms.phrases,
      type: 'text',
      hasMany: true,
      required: true,
      minRows: 1,
      validate: phrasesWithText,
      admin: { description: fieldDescriptions.synonyms.phrases },
    },
    {
      name: 'concept',
      label: fieldLabels.synonyms.concept,
      type: 'select',
      options: builtInConcepts.map(({ concept }) => ({ value: concept, label: conceptLabel(concept) })),
      admin: { description: fieldDescriptions.synonyms.concept },
    },
  ],
}
