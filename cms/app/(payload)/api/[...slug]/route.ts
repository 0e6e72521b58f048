import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { getPayload } from 'payload'

import { apiRoute } from '../../../../lib/apiRoute'

const payload = () => getPayload({ config })

export const GET = apiRoute(REST_GET(config), payload)
export const POST = apiRoute(REST_POST(config), payload)
export const DELETE = apiRoute(REST_DELETE(config), payload)
export const PATCH = apiRoute(REST_PATCH(config), payload)
export const PUT = apiRoute(REST_PUT(config), payload)
export const OPTIONS = apiRoute(REST_OPTIONS(config), payload)
