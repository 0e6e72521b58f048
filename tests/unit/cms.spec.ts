import { describe, expect, test } from 'vitest'

import { isSuperAdmin } from '../../cms/access/isSuperAdmin'
import { publishedOrEditor } from '../../cms/access/publishedOrEditor'
import { databaseKind } from '../../cms/database'

describe('database choice', () => {
  test('unset or file: is SQLite, mongodb:// and mongodb+srv:// are MongoDB', () => {
    expect(databaseKind(undefined)).toBe('sqlite')
    expect(databaseKind('file:/tmp/center.db')).toBe('sqlite')
    expect(databaseKind('mongodb://db:27017/center')).toBe('mongodb')
    expect(databaseKind('mongodb+srv://cluster.example/center')).toBe('mongodb')
  })

  test('any other URL is refused with the accepted forms', () => {
    expect(() => databaseKind('postgres://db/center')).toThrow(/file:, mongodb:\/\/ or mongodb\+srv:\/\//)
  })
})

describe('access rules', () => {
  test('only a super-admin is a super-admin', () => {
    expect(isSuperAdmin({ role: 'super-admin' })).toBe(true)
    expect(isSuperAdmin({ role: 'editor' })).toBe(false)
    expect(isSuperAdmin(null)).toBe(false)
  })

  test('anonymous readers get published documents only', () => {
    const anonymous = publishedOrEditor({ req: { user: null } } as never)
    expect(anonymous).toEqual({ _status: { equals: 'published' } })
    expect(publishedOrEditor({ req: { user: { role: 'editor' } } } as never)).toBe(true)
  })
})
