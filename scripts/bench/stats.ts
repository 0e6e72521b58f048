import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** The p-th percentile (0–100) of some values, by linear interpolation between the nearest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low)
}

export type Latency = { p50: number; p95: number; p99: number; n: number }

/** The median, 95th and 99th percentiles of some timings. */
export const latency = (values: readonly number[]): Latency => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  p99: percentile(values, 99),
  n: values.length,
})

export type Sizes = { raw: number; gzip: number; brotli: number }

/** A file's size as stored and as a server sends it with gzip (level 9) or brotli (quality 11). */
export function sizes(content: Buffer | string): Sizes {
  const buffer = Buffer.from(content)
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  }
}

/** The sum of several files' sizes, each compressed on its own as it is served. */
export const addSizes = (...all: Sizes[]): Sizes =>
  all.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 })

/** Bytes as a reader takes them in: 812 B, 13.4 KB, 2.1 MB (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'n/a'
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A number with a fixed count of decimals, or n/a when there is none. */
export const fixed = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits)

/** A Markdown table; pipes inside cells are escaped so a cell never splits. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => String(value).replace(/\|/g, '\\|')
  const line = (cells: (string | number)[]) => `| ${cells.map(cell).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
