import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

/** The variables that configure S3-compatible media storage; S3_BUCKET turns it on. */
export const s3Variables = [
  'S3_BUCKET',
  'S3_REGION',
  'S3_ENDPOINT',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'S3_PREFIX',
] as const

/**
 * Media storage: files on the local disk (the data folder's media/) unless S3_BUCKET names a bucket,
 * then S3 or any S3-compatible store (S3_ENDPOINT, e.g. MinIO or R2) through Payload's adapter.
 * Without S3_ACCESS_KEY_ID the AWS SDK's own chain (instance role, AWS_* variables) signs requests.
 */
export function mediaStorage(env: Record<string, string | undefined> = process.env): Plugin {
  const bucket = env.S3_BUCKET?.trim()
  const stray = s3Variables.filter((name) => name !== 'S3_BUCKET' && env[name])
  if (!bucket && stray.length) throw new Error(`S3_BUCKET must be set when ${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set`)
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY))
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together')
  if (env.S3_ENDPOINT && !/^https?:\/\//.test(env.S3_ENDPOINT))
    throw new Error(`S3_ENDPOINT must be an http(s) URL, not "${env.S3_ENDPOINT}"`)
  return s3Storage({
    enabled: Boolean(bucket),
    // The plugin's `prefix` field exists whether or not S3 is on, so the schema (and its
    // migrations) does not depend on the environment.
    alwaysInsertFields: true,
    bucket: bucket ?? '',
    collections: { media: env.S3_PREFIX ? { prefix: env.S3_PREFIX } : true },
    config: {
      region: env.S3_REGION || 'us-east-1',
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
      ...(env.S3_ACCESS_KEY_ID ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY! } } : {}),
    },
  })
}
