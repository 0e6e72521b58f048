/**
 * Progress of long work done in `total` steps: on a terminal one line that redraws itself
 * ("Building [2/3] hoshi: …"), elsewhere (CI, pipes) one plain line per step. Returns the step
 * reporter; the last step ends the line.
 */
export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): (detail: string) => void {
  let done = 0
  return (detail) => {
    done++
    const line = `${label} [${done}/${total}] ${detail}`
    if (stream.isTTY) stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, (stream.columns ?? 80) - 1))}${done === total ? '\n' : ''}`)
    else stream.write(`${line}\n`)
  }
}
