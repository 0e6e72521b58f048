import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const rootDir = fileURLToPath(new URL('../..', import.meta.url))
const cli = fileURLToPath(new URL('../../scripts/center.mjs', import.meta.url))

export type CenterRun = { code: number | null; stdout: string; stderr: string }

/** Runs `center <args>` to the end with extra environment variables, and `input` on its stdin when given. */
export function runCenter(args: string[], env: Record<string, string> = {}, input?: string): Promise<CenterRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: rootDir,
      env: { ...process.env, ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    })
    if (input !== undefined) child.stdin!.end(input)
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (chunk) => (stdout += chunk))
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Starts `center start` and resolves once it says it is running, with everything it printed. */
export function startCenter(env: Record<string, string>, timeoutMs = 600_000): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [cli, 'start'], {
    cwd: rootDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stderr.on('data', (chunk) => (output += chunk))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`center start was not ready after ${timeoutMs / 1000} s:\n${output.slice(-3000)}`)),
      timeoutMs,
    )
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (output.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer)
        resolve({ child, output: () => output })
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`center start exited with ${code}:\n${output.slice(-3000)}`))
    })
  })
}

/** Sends Ctrl-C and waits for the process to end; resolves with its exit code. */
export function stopCenter(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.kill('SIGINT')
  })
}
