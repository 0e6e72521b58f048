import type { SelectFieldSingleValidation } from 'payload'
import { select } from 'payload/shared'

import { adminMessage } from '../../i18n/validationMessages'

/**
 * A locale the group's MPP enables: its site has no ask box in any other, so words written for
 * one would never be searched.
 */
export const enabledLocale: SelectFieldSingleValidation = async (value, args) => {
  const valid = select(value, args)
  const tenant = (args.data as { tenant?: unknown } | undefined)?.tenant
  if (valid !== true || !value || tenant === null || tenant === undefined) return valid
  const id = typeof tenant === 'object' ? (tenant as { id: number | string }).id : (tenant as number | string)
  const found = await args.req.payload.findByID({
    collection: 'tenants',
    id,
    depth: 0,
    select: { enabledLocales: true },
    disableErrors: true,
    req: args.req,
  })
  if (!found) return true
  return (
    found.enabledLocales.includes(value as never) ||
    adminMessage(args.req, 'synonymLocale', { locale: value, locales: found.enabledLocales.join(', ') })
  )
}
