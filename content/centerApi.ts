/**
 * The Center API's contract: a zod schema for every request and answer of the CMS's custom
 * endpoints (rewards, feedback, the rebuild webhook, health, the admin's own calls), and the table
 * of its operations. The endpoints build their answers with these types, the islands and the
 * admin parse answers with these schemas, docs/center-api.yaml is generated from them
 * (content/centerApiDocument.ts) and the contract test calls every operation and checks what comes
 * back. zod/mini keeps them small enough for the islands.
 */
import { problemSchema } from './problem'
import { locales } from './vocabulary'
import { z } from './zod'

/** Every schema with a name in the document (components.schemas). */
export const centerApiSchemas = z.registry<{ id: string; description?: string }>()

function named<T extends z.ZodMiniType>(schema: T, id: string, description?: string): T {
  centerApiSchemas.add(schema, description ? { id, description } : { id })
  return schema
}

// ---- Shared pieces

export const amountSchema = named(
  z.object({ currency: z.string().check(z.regex(/^[A-Z]{3}$/)), value: z.int() }),
  'Amount',
  'An amount: ISO 4217 currency and an integer in minor units.',
)

export const centerProblemSchema = named(problemSchema, 'Problem', 'RFC 9457 problem details; `code` is the stable machine code.')

// ---- Rewards

export const voucherSchema = named(
  z.object({
    code: z.string(),
    campaign: z.string(),
    merchant: z.string(),
    amount: amountSchema,
    claimedAt: z.string(),
    expiresAt: z.string(),
    status: z.enum(['active', 'expired']),
  }),
  'Voucher',
  "A voucher as its user sees it: `campaign` is the campaign's slug; the status follows the clock.",
)
export type Voucher = z.infer<typeof voucherSchema>

export const tutorialProgressSchema = named(
  z.object({ campaign: z.string(), done: z.int(), parts: z.int(), completed: z.boolean() }),
  'TutorialProgress',
  "A user's progress through a campaign's tutorial: parts done of all its parts.",
)
export type TutorialProgress = z.infer<typeof tutorialProgressSchema>

export const liveRewardsSchema = named(
  z.object({
    tenant: z.string(),
    campaigns: z.array(z.object({ campaign: z.string(), budget: z.int(), issued: z.int(), remaining: z.int(), endsAt: z.string() })),
  }),
  'LiveRewards',
  "An MPP's running campaigns and how many vouchers each has left.",
)
export type LiveRewards = z.infer<typeof liveRewardsSchema>

export const myRewardsSchema = named(
  z.object({
    tenant: z.string(),
    user: z.string(),
    newUser: z.nullable(z.boolean()),
    tutorials: z.array(tutorialProgressSchema),
    vouchers: z.array(voucherSchema),
  }),
  'MyRewards',
  'What the rewards page shows its user: vouchers (newest first), tutorial progress, and whether the MPP counts them as new (null when it cannot say now).',
)
export type MyRewards = z.infer<typeof myRewardsSchema>

export const progressBodySchema = named(
  z.object({ step: z.int().check(z.minimum(1)) }),
  'ProgressReport',
  'The part of the tutorial (from 1) the user just finished.',
)

export const claimedSchema = named(z.object({ voucher: voucherSchema }), 'Claimed', 'The voucher just given to the user.')
export type Claimed = z.infer<typeof claimedSchema>

export const claimRefusalSchema = named(
  z.extend(problemSchema, { voucher: z.optional(voucherSchema) }),
  'ClaimRefusal',
  'A refused claim; `already-claimed` carries the voucher the user holds.',
)
export type ClaimRefusal = z.infer<typeof claimRefusalSchema>

export const campaignStatsSchema = named(
  z.object({
    campaign: z.string(),
    budget: z.int(),
    issued: z.int(),
    remaining: z.int(),
    refused: z.record(z.string(), z.int()),
  }),
  'CampaignStats',
  "A campaign's vouchers given out, what is left of its budget and its refused claims by reason.",
)
export type CampaignStats = z.infer<typeof campaignStatsSchema>

// ---- Feedback (the ask box) and the admin's unanswered questions

export const feedbackKinds = ['view', 'helpful', 'unhelpful', 'unanswered'] as const
export type FeedbackKind = (typeof feedbackKinds)[number]

/** The largest feedback body accepted: enough for a pasted 10,000-character question (cut to 200 when stored), not for a flood. */
export const maxFeedbackBytes = 32 * 1024

export const feedbackBodySchema = named(
  z
    .strictObject({
      tenant: z.string().check(z.minLength(1), z.maxLength(64)),
      locale: z.enum(locales),
      kind: z.enum(feedbackKinds),
      query: z.string().check(z.maxLength(maxFeedbackBytes)),
      qa: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      score: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
    })
    .check(
      z.refine((body) => (body.kind === 'unanswered') === (body.qa === undefined), {
        message: 'qa names the answer shown: required for view, helpful and unhelpful, absent for unanswered',
        path: ['qa'],
      }),
    ),
  'Feedback',
  'What the ask box reports: a question and what happened (an answer viewed, a vote, or no answer). `qa` names the answer shown.',
)
export type Feedback = z.infer<typeof feedbackBodySchema>

export const feedbackStoredSchema = named(z.object({ stored: z.literal(true) }), 'FeedbackStored')
export type FeedbackStored = z.infer<typeof feedbackStoredSchema>

const questionGroupSchema = named(
  z.object({
    query: z.string(),
    locale: z.string(),
    count: z.int(),
    unanswered: z.int(),
    unhelpful: z.int(),
    wordings: z.array(z.string()),
  }),
  'QuestionGroup',
  'Questions users asked alike, most asked first: the most common wording, how often, and the other wordings.',
)
export type QuestionGroup = z.infer<typeof questionGroupSchema>

const idSchema = z.union([z.int(), z.string()])

export const unansweredSchema = named(
  z.array(
    z.object({
      tenant: z.object({ id: idSchema, name: z.string(), slug: z.string() }),
      groups: z.array(questionGroupSchema),
    }),
  ),
  'UnansweredQuestions',
  'Per MPP the signed-in user edits, the questions of the last 90 days that matched nothing or were voted unhelpful.',
)
export type UnansweredQuestions = z.infer<typeof unansweredSchema>

export const draftBodySchema = named(
  z.object({
    tenant: idSchema,
    locale: z.enum(locales),
    query: z.string().check(z.minLength(1), z.maxLength(1000)),
    wordings: z._default(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(20)), []),
  }),
  'QaDraftRequest',
  'A group of asked questions to start a Q&A draft from.',
)

export const draftCreatedSchema = named(z.object({ id: idSchema }), 'QaDraftCreated')
export type QaDraftCreated = z.infer<typeof draftCreatedSchema>

export const phrasingBodySchema = named(
  z.object({
    qa: idSchema,
    locale: z.enum(locales),
    query: z.string().check(z.minLength(1), z.maxLength(1000)),
    wordings: z._default(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(20)), []),
  }),
  'QaPhrasingRequest',
  'A group of asked questions to attach to an existing Q&A as other phrasings in one locale.',
)

export const phrasingAddedSchema = named(
  z.object({ id: idSchema, added: z.array(z.string()), alternatives: z.array(z.string()) }),
  'QaPhrasingAdded',
  "The Q&A's id, the phrasings added and all its phrasings in that locale, saved as a draft.",
)
export type QaPhrasingAdded = z.infer<typeof phrasingAddedSchema>

// ---- Publishing: the rebuild webhook and webhook secrets

export const rebuildBodySchema = named(
  z.object({ tenant: z.string().check(z.minLength(1)) }),
  'RebuildRequest',
  'The MPP whose Center to rebuild.',
)

export const rebuildQueuedSchema = named(
  z.object({ buildId: z.string(), tenant: z.string(), coalesced: z.boolean() }),
  'RebuildQueued',
  'The queued build; `coalesced` when a build already queued for the MPP took this request.',
)
export type RebuildQueued = z.infer<typeof rebuildQueuedSchema>

export const webhookSecretBodySchema = named(z.object({ label: z.optional(z.string()) }), 'WebhookSecretRequest')

export const webhookSecretSchema = named(
  z.object({ id: z.nullable(z.optional(z.string())), label: z.string(), hint: z.string(), createdAt: z.string(), secret: z.string() }),
  'WebhookSecret',
  'A new signing secret, shown in full this once; afterwards only its hint.',
)
export type WebhookSecret = z.infer<typeof webhookSecretSchema>

// ---- Health

export const healthSchema = named(z.object({ status: z.literal('ok') }), 'Health')

export const readinessSchema = named(
  z.object({
    status: z.enum(['ready', 'not-ready', 'stopping']),
    database: z.optional(z.enum(['sqlite', 'mongodb'])),
    problems: z.optional(z.array(z.string())),
  }),
  'Readiness',
  'Whether this node may take requests; 503 lists why not.',
)
export type Readiness = z.infer<typeof readinessSchema>

// ---- The operations

type Body = z.ZodMiniType
/** One documented answer: its schema (a problem when the status is 4xx or 5xx) and when it is given. */
export type CenterApiResponse = { description: string; schema: Body }
export type CenterApiOperation = {
  method: 'get' | 'post'
  /** The path under /api, with {parameters}. */
  path: string
  summary: string
  /** Who may call: anyone, a wallet user's token, a signed-in CMS user, a signed webhook. */
  auth: 'none' | 'wallet-token' | 'cms-user' | 'webhook-signature'
  query?: Record<string, string>
  pathParams?: Record<string, string>
  headers?: Record<string, string>
  body?: Body
  responses: Record<number, CenterApiResponse>
}

const problemAnswer = (description: string): CenterApiResponse => ({ description, schema: centerProblemSchema })
const rateLimited = problemAnswer('rate-limited: too many requests from this address; see Retry-After.')
const tenantQuery = { tenant: "The slug of the MPP whose page is calling; another MPP's token is refused." }
const tokenRefused = problemAnswer(
  'missing-token, invalid-token, token-expired, wrong-tenant or sandbox-token: open the page again from the app.',
)

export const centerApiOperations: CenterApiOperation[] = [
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness: the process answers.',
    auth: 'none',
    responses: { 200: { description: 'Alive.', schema: healthSchema } },
  },
  {
    method: 'get',
    path: '/ready',
    summary: 'Readiness: the database answers and every migration is applied.',
    auth: 'none',
    responses: {
      200: { description: 'Ready.', schema: readinessSchema },
      503: { description: 'Not ready, or shutting down: the reasons.', schema: readinessSchema },
    },
  },
  {
    method: 'post',
    path: '/webhooks/rebuild',
    summary: 'An MPP asks for its Center to be rebuilt (Standard Webhooks: HMAC-SHA256 over id.timestamp.body, 5-minute tolerance).',
    auth: 'webhook-signature',
    headers: {
      'webhook-id': 'Unique per delivery.',
      'webhook-timestamp': 'Unix seconds.',
      'webhook-signature': 'v1,<base64>, space-separated.',
    },
    body: rebuildBodySchema,
    responses: {
      202: { description: 'Queued.', schema: rebuildQueuedSchema },
      400: problemAnswer('malformed, missing-headers or malformed-timestamp.'),
      401: problemAnswer('no-secret, expired, bad-signature or replayed.'),
      413: problemAnswer('too-large.'),
      429: rateLimited,
    },
  },
  {
    method: 'get',
    path: '/rewards',
    summary: "An MPP's running campaigns and the vouchers each has left. Public.",
    auth: 'none',
    query: tenantQuery,
    responses: {
      200: { description: 'The running campaigns.', schema: liveRewardsSchema },
      404: problemAnswer('rewards-off: no such MPP, or it has no rewards.'),
      429: rateLimited,
    },
  },
  {
    method: 'get',
    path: '/rewards/mine',
    summary: "The user's vouchers, tutorial progress and whether their MPP counts them as new.",
    auth: 'wallet-token',
    query: tenantQuery,
    responses: {
      200: { description: "The user's rewards.", schema: myRewardsSchema },
      401: tokenRefused,
      404: problemAnswer('rewards-off.'),
      429: rateLimited,
    },
  },
  {
    method: 'post',
    path: '/rewards/{campaign}/progress',
    summary: 'The user finished a part of the campaign’s tutorial.',
    auth: 'wallet-token',
    query: tenantQuery,
    pathParams: { campaign: "The campaign's slug." },
    body: progressBodySchema,
    responses: {
      200: { description: 'The progress now.', schema: tutorialProgressSchema },
      400: problemAnswer('invalid-step.'),
      401: tokenRefused,
      404: problemAnswer('rewards-off or campaign-not-found.'),
      409: problemAnswer('step-skipped: an earlier part comes first.'),
      410: problemAnswer('campaign-ended.'),
      413: problemAnswer('too-large.'),
      429: rateLimited,
    },
  },
  {
    method: 'post',
    path: '/rewards/{campaign}/claim',
    summary: "Claims the campaign's voucher; the same Idempotency-Key from the same user gets the first answer again.",
    auth: 'wallet-token',
    query: tenantQuery,
    pathParams: { campaign: "The campaign's slug." },
    headers: { 'Idempotency-Key': '8 to 128 visible characters, new for each claim and the same when retrying it.' },
    responses: {
      201: { description: 'The voucher given.', schema: claimedSchema },
      400: problemAnswer('missing-idempotency-key.'),
      401: tokenRefused,
      403: { description: 'not-eligible: the user is not new to paying abroad.', schema: claimRefusalSchema },
      404: problemAnswer('rewards-off or campaign-not-found.'),
      409: {
        description: 'already-claimed (with the voucher held), sold-out, tutorial-unfinished or campaign-not-started.',
        schema: claimRefusalSchema,
      },
      410: { description: 'campaign-ended.', schema: claimRefusalSchema },
      422: problemAnswer('idempotency-key-reused: the key was sent with a claim for another campaign.'),
      429: rateLimited,
      502: problemAnswer('mpp-unavailable or mpp-invalid-response: nothing was claimed; try again.'),
      504: problemAnswer('mpp-timeout: nothing was claimed; try again.'),
    },
  },
  {
    method: 'post',
    path: '/feedback',
    summary: 'The ask box reports a question and what happened to it. Anonymous.',
    auth: 'none',
    body: feedbackBodySchema,
    responses: {
      201: { description: 'Stored.', schema: feedbackStoredSchema },
      400: problemAnswer('malformed, empty-query, unknown-tenant, unknown-locale or unknown-qa.'),
      413: problemAnswer('too-large.'),
      429: rateLimited,
    },
  },
  {
    method: 'get',
    path: '/feedback/unanswered',
    summary: 'The admin: questions of the last 90 days the ask box could not answer well, grouped, per MPP the user edits.',
    auth: 'cms-user',
    responses: {
      200: { description: 'The groups per MPP.', schema: unansweredSchema },
      401: problemAnswer('sign-in.'),
    },
  },
  {
    method: 'post',
    path: '/feedback/draft',
    summary: 'The admin: starts a Q&A draft from a group of asked questions.',
    auth: 'cms-user',
    body: draftBodySchema,
    responses: {
      201: { description: "The draft's id.", schema: draftCreatedSchema },
      400: problemAnswer('malformed, empty-query, unknown-tenant or no-category.'),
      401: problemAnswer('sign-in.'),
      403: problemAnswer("forbidden: the user does not edit this MPP's content."),
    },
  },
  {
    method: 'post',
    path: '/feedback/phrasing',
    summary: 'The admin: attaches a group of asked questions to an existing Q&A as phrasings (a new draft).',
    auth: 'cms-user',
    body: phrasingBodySchema,
    responses: {
      200: { description: 'The phrasings added, saved as a draft of the Q&A.', schema: phrasingAddedSchema },
      400: problemAnswer('malformed or empty-query.'),
      401: problemAnswer('sign-in.'),
      404: problemAnswer("unknown-qa: no such Q&A that the user edits (another MPP's Q&A is not found)."),
    },
  },
  {
    method: 'get',
    path: '/campaigns/{id}/reward-stats',
    summary: "The admin: a campaign's vouchers given out, budget left and refused claims by reason.",
    auth: 'cms-user',
    pathParams: { id: "The campaign's id." },
    responses: {
      200: { description: 'The statistics.', schema: campaignStatsSchema },
      401: problemAnswer('sign-in.'),
      404: problemAnswer('campaign-not-found: no such campaign that the user can read.'),
    },
  },
  {
    method: 'post',
    path: '/tenants/{id}/webhook-secrets',
    summary: 'The admin: adds a webhook signing secret and answers it in full this once. Super-admins only.',
    auth: 'cms-user',
    pathParams: { id: "The tenant's id." },
    body: webhookSecretBodySchema,
    responses: {
      201: { description: 'The new secret.', schema: webhookSecretSchema },
      401: problemAnswer('sign-in.'),
      403: problemAnswer('forbidden: only a super-admin creates webhook secrets.'),
      404: problemAnswer('not-found: no such tenant.'),
    },
  },
]
