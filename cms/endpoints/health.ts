import type { Endpoint, PayloadRequest } from 'payload'

import type { Readiness } from '../../content/centerApi'
import { isStopping } from '../lib/shutdown'
import { migrations } from '../migrations'

/** Answers that must never be cached by a proxy: a probe wants the node's state now. */
const noStore = { 'cache-control': 'no-store' }

/** GET /api/health: liveness. The process answers; nothing else is checked, so a slow database never gets a node restarted. */
export const health: Endpoint = {
  path: '/health',
  method: 'get',
  handler: () => Response.json({ status: 'ok' }, { headers: noStore }),
}

/** The committed SQLite migrations the database has not recorded as applied (none on MongoDB, whose schema needs none). */
export async function pendingMigrations(req: PayloadRequest): Promise<string[]> {
  if (req.payload.db.name !== 'sqlite') return []
  const { docs } = await req.payload.find({ collection: 'payload-migrations', limit: 0, pagination: false, depth: 0, req })
  const applied = new Set(docs.map((doc) => doc.name))
  return migrations.map((migration) => migration.name).filter((name) => !applied.has(name))
}

/**
 * GET /api/ready: readiness. 200 when the database answers and every committed migration is
 * applied; 503 with the reasons otherwise, and while the process is shutting down, so a load
 * balancer stops sending it requests before it exits.
 */
export const ready: Endpoint = {
  path: '/ready',
  method: 'get',
  handler: async (req) => {
    if (isStopping())
      return Response.json({ status: 'stopping', problems: ['The process is shutting down.'] } satisfies Readiness, {
        status: 503,
        headers: noStore,
      })
    const problems: string[] = []
    try {
      await req.payload.count({ collection: 'tenants', req })
      const pending = await pendingMigrations(req)
      if (pending.length) problems.push(`Migrations not applied: ${pending.join(', ')}`)
    } catch (error) {
      req.payload.logger.warn({ err: error }, 'Readiness: the database did not answer')
      problems.push('The database did not answer.')
    }
    const body: Readiness = {
      status: problems.length ? 'not-ready' : 'ready',
      database: req.payload.db.name === 'sqlite' ? 'sqlite' : 'mongodb',
      ...(problems.length ? { problems } : {}),
    }
    return Response.json(body, { status: problems.length ? 503 : 200, headers: noStore })
  },
}
