// plan/sync failures from a terminal: the built dist/cli.js against servers that cannot be
// reached (refused, unresolvable, silent) and against the emulator with a bad token. Each
// error names the real cause and gives terminal advice, never the workflow's.
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../test-support/emulator/index.ts'

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js')

function plan(env: Record<string, string>) {
  return new Promise<{ code: number; stderr: string; ms: number }>(done => {
    const started = Date.now()
    const child = spawn(process.execPath, [cli, 'plan', '--repo', 'octo/goals'], {
      env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: 'ghp_not_checked_here', ...env }
    })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('close', code => done({ code: code ?? 1, stderr, ms: Date.now() - started }))
  })
}

function listen(server: Server): Promise<number> {
  return new Promise(ok =>
    server.listen(0, '127.0.0.1', () => ok((server.address() as { port: number }).port))
  )
}

const workflowAdvice = /workflow|"token" input|permissions:/

const cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c()
})

describe('plan/sync errors name the cause', () => {
  it('a closed port: connection refused, at once (no retries)', async () => {
    const probe = createServer()
    const port = await listen(probe)
    await new Promise(ok => probe.close(ok))
    const r = await plan({ GITHUB_API_URL: `http://127.0.0.1:${port}` })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      `goals-sync: Could not reach http://127.0.0.1:${port} for GET /repos/octo/goals: the connection was refused (ECONNREFUSED)`
    )
    expect(r.stderr).toContain('Fix: check that GITHUB_API_URL names the right server and port')
    expect(r.stderr).not.toMatch(workflowAdvice)
    expect(r.stderr).not.toContain('answered 500')
    // Before, three retries with backoff took 14 s; a refusal is not retried.
    expect(r.ms).toBeLessThan(8_000)
  })

  it('a host name that cannot resolve: DNS', async () => {
    const r = await plan({ GITHUB_API_URL: 'http://api.goals-sync.invalid' })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('Could not reach http://api.goals-sync.invalid')
    expect(r.stderr).toMatch(/host name (does not resolve \(ENOTFOUND\)|could not be looked up)/)
    expect(r.stderr).toContain('check the host name in GITHUB_API_URL and your DNS')
    expect(r.stderr).not.toMatch(workflowAdvice)
  })

  it('a server that accepts connections but never answers: a timeout, bounded', async () => {
    const silent = createServer(() => {})
    const port = await listen(silent)
    cleanup.push(() => {
      silent.close()
    })
    // scale:0.01 shrinks the client's waits (the 60 s request timeout to 0.6 s, backoff too).
    const r = await plan({
      GITHUB_API_URL: `http://127.0.0.1:${port}`,
      GOALS_SYNC_PACING: 'scale:0.01'
    })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      `Could not reach http://127.0.0.1:${port} for GET /repos/octo/goals: the server did not answer in time`
    )
    expect(r.stderr).toContain('then run the command again')
    expect(r.stderr).not.toMatch(workflowAdvice)
    expect(r.ms).toBeLessThan(20_000)
  })

  it('the emulator with a bad token: 401, with terminal advice', async () => {
    const emu: Emulator = await startEmulator({ files: { 'goals.md': '- [ ] a goal\n' } })
    cleanup.push(() => emu.close())
    const r = await plan({
      GITHUB_API_URL: emu.url,
      GITHUB_TOKEN: 'ghp_revoked',
      GOALS_SYNC_PACING: 'off'
    })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('GitHub refused the token (401 Bad credentials)')
    expect(r.stderr).toContain('Fix: set GITHUB_TOKEN to a valid token')
    expect(r.stderr).not.toMatch(workflowAdvice)
    expect(emu.requests.every(q => q.status === 401)).toBe(true)
  })

  it('a GOALS_SYNC_PACING it cannot read is named, with the values it takes', async () => {
    const r = await plan({ GITHUB_API_URL: 'http://127.0.0.1:9', GOALS_SYNC_PACING: 'fast' })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      'goals-sync: GOALS_SYNC_PACING is "fast": use on, off or scale:F with 0 < F ≤ 1 (e.g. scale:0.01).'
    )
  })
})
