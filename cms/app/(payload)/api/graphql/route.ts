import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { apiRoute } from '../../../../lib/apiRoute'

const payload = () => getPayload({ config })

export const POST = apiRoute(GRAPHQL_POST(config), payload)
export const OPTIONS = apiRoute(REST_OPTIONS(config), payload)
