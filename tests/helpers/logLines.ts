import type { Payload } from 'payload'
import { vi } from 'vitest'

/**
 * The JSON log lines the CMS writes to stderr while `act` runs, read at level info (the int tests
 * log at warn), so a test can check how a request was logged.
 */
export async function logLinesDuring(payload: Payload, act: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const written: string[] = []
  const level = payload.logger.level
  payload.logger.level = 'info'
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true))
  try {
    await act()
  } finally {
    spy.mockRestore()
    payload.logger.level = level
  }
  return written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}
