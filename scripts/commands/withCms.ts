import type { Payload } from 'payload'

/** Opens the CMS through the Local API for one command's work, and closes it afterwards. */
export async function withCms<T>(work: (payload: Payload) => Promise<T>): Promise<T> {
  const { openCms } = await import('../lib/cms')
  const payload = await openCms()
  try {
    return await work(payload)
  } finally {
    await payload.destroy()
  }
}
