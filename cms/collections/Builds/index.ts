import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { nobody } from '../../access/nobody'
import { collectionDescriptions, collectionLabels } from '../../i18n/collectionLabels'
import { fieldDescriptions, fieldLabels, labelledOptions, optionLabels, rowLabels } from '../../i18n/fieldLabels'

export const buildTriggers = ['publish', 'webhook', 'cli', 'rollback'] as const
export const buildStates = ['queued', 'running', 'live', 'failed', 'superseded'] as const
/** How one attempt of a build ended. */
export const attemptOutcomes = ['live', 'failed'] as const

/**
 * One row per requested rebuild of a tenant's site. Editors read their tenants' rows (the
 * multi-tenant plugin narrows `authenticated`); only the rebuild pipeline writes them.
 */
export const Builds: CollectionConfig = {
  slug: 'builds',
  labels: collectionLabels.builds,
  admin: {
    useAsTitle: 'buildId',
    defaultColumns: ['buildId', 'tenant', 'trigger', 'state', 'live', 'duration', 'createdAt'],
    description: collectionDescriptions.builds,
  },
  defaultSort: '-createdAt',
  access: { read: authenticated, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['tenant', 'state'] }],
  fields: [
    { name: 'buildId', label: fieldLabels.builds.buildId, type: 'text', required: true, unique: true, admin: { description: fieldDescriptions.builds.buildId } },
    {
      name: 'trigger',
      label: fieldLabels.builds.trigger,
      type: 'select',
      required: true,
      options: labelledOptions(buildTriggers, optionLabels.buildTriggers),
    },
    {
      name: 'state',
      label: fieldLabels.builds.state,
      type: 'select',
      required: true,
      defaultValue: 'queued',
      options: labelledOptions(buildStates, optionLabels.buildStates),
    },
    { name: 'live', label: fieldLabels.builds.live, type: 'checkbox', defaultValue: false, admin: { description: fieldDescriptions.builds.live } },
    { name: 'startedAt', label: fieldLabels.builds.startedAt, type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', label: fieldLabels.shared.finishedAt, type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'duration', label: fieldLabels.builds.duration, type: 'number', admin: { description: fieldDescriptions.builds.duration } },
    { name: 'attempts', label: fieldLabels.builds.attempts, type: 'number', defaultValue: 0 },
    { name: 'rolledBackTo', label: fieldLabels.builds.rolledBackTo, type: 'text', admin: { description: fieldDescriptions.builds.rolledBackTo, condition: (data) => data?.trigger === 'rollback' } },
    { name: 'log', label: fieldLabels.shared.log, type: 'textarea', admin: { description: fieldDescriptions.builds.log } },
    {
      name: 'skipped',
      label: fieldLabels.builds.skipped,
      labels: rowLabels.skipped,
      type: 'array',
      admin: { description: fieldDescriptions.builds.skipped },
      fields: [
        { name: 'collection', label: fieldLabels.shared.collection, type: 'text', required: true },
        { name: 'document', label: fieldLabels.shared.document, type: 'text', required: true, admin: { description: fieldDescriptions.builds.document } },
        { name: 'slug', label: fieldLabels.shared.slug, type: 'text' },
        { name: 'problem', label: fieldLabels.builds.problem, type: 'textarea', required: true },
      ],
    },
    {
      name: 'attemptLogs',
      label: fieldLabels.builds.attemptLogs,
      labels: rowLabels.attemptLogs,
      type: 'array',
      admin: { description: fieldDescriptions.builds.attemptLogs },
      fields: [
        { name: 'attempt', label: fieldLabels.builds.attempt, type: 'number', required: true },
        { name: 'outcome', label: fieldLabels.builds.outcome, type: 'select', required: true, options: labelledOptions(attemptOutcomes, optionLabels.buildStates) },
        { name: 'finishedAt', label: fieldLabels.shared.finishedAt, type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'log', label: fieldLabels.shared.log, type: 'textarea' },
      ],
    },
  ],
}
