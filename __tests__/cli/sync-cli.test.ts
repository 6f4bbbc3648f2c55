// plan and sync from a terminal: the built dist/cli.js as a process, talking
// to the GitHub emulator through GITHUB_API_URL with a token from GITHUB_TOKEN.
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../test-support/emulator/index.ts'
import { SEEDLIKE } from '../integration/harness.ts'

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js')

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>(done => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', GOALS_SYNC_PACING: 'off', ...env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('close', code => done({ code: code ?? 1, stdout, stderr }))
  })
}

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

describe('goals-sync plan / sync', () => {
  it('plan reads only and prints what a sync would do; sync does it', async () => {
    emu = await startEmulator({ files: { 'goals.md': SEEDLIKE } })
    const env = { GITHUB_TOKEN: emu.token, GITHUB_API_URL: emu.url }
    const plan = await run(['plan', '--repo', 'octo/goals', '--json'], env)
    expect(plan.stderr).not.toContain(emu.token)
    expect(plan.code).toBe(0)
    expect(plan.stdout).toContain('dry run, nothing was written')
    expect(plan.stdout).toMatch(/"op": "create-issue"/)
    expect(emu.writes()).toBe(0)

    const sync = await run(['sync', '--repo', 'octo/goals'], env)
    expect(sync.code).toBe(0)
    expect(emu.issues()).toHaveLength(15)
    expect(emu.file('main', 'goals.md')).toContain('## Craft Goals  [2/6]')
  })

  it('shows control characters in goal and issue text as escapes, never sends them to the terminal', async () => {
    const hostile = '## Life\n[ ] learn \u001b]8;;https://example.invalid\u0007colours\u001b[2J\n'
    emu = await startEmulator({ files: { 'goals.md': hostile } })
    const env = { GITHUB_TOKEN: emu.token, GITHUB_API_URL: emu.url }
    const plan = await run(['plan', '--repo', 'octo/goals'], env)
    expect(plan.code).toBe(0)
    const said = plan.stdout + plan.stderr
    expect(said).toContain('learn \\u001b')
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(said).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/)
  })

  it('plan and sync take several goals files (--path goals/*.md)', async () => {
    emu = await startEmulator({
      files: {
        'goals/a.md': '## Build\n[x] walls\n[ ] roof\n',
        'goals/b.md': '## Garden\n[ ] pond\n'
      }
    })
    const env = { GITHUB_TOKEN: emu.token, GITHUB_API_URL: emu.url }
    const plan = await run(['plan', '--repo', 'octo/goals', '--path', 'goals/*.md'], env)
    expect(plan.code).toBe(0)
    expect(plan.stdout).toMatch(/\*\*1\/3\*\* goals done/)
    expect(plan.stdout).toContain('goals/a.md: Build')
    expect(plan.stdout).toContain('goals/b.md: Garden')
    expect(emu.writes()).toBe(0)
    const sync = await run(['sync', '--repo', 'octo/goals', '--path', 'goals/*.md'], env)
    expect(sync.code).toBe(0)
    expect(emu.issues()).toHaveLength(3)
    expect(emu.file('main', 'goals/b.md')).toContain('## Garden [0/1]')
  })

  it('says what is missing: the repository, the token', async () => {
    expect((await run(['plan'])).stderr).toMatch(/needs --repo owner\/name/)
    expect((await run(['plan', '--repo', 'octo/goals'])).stderr).toMatch(/set GITHUB_TOKEN/)
  })

  it('a sync error exits 1 with the cause and the fix', async () => {
    emu = await startEmulator({ files: { 'README.md': 'hi\n' } })
    const r = await run(['sync', '--repo', 'octo/goals'], {
      GITHUB_TOKEN: emu.token,
      GITHUB_API_URL: emu.url
    })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/"goals.md" is not on branch "main".*input "path"/)
  })
})

describe('call mistakes', () => {
  it('rejects a flag the command does not take, and a stray argument', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'))
    writeFileSync(join(dir, 'g.md'), '## A\n[ ] a\n')
    const flag = await run(['list', join(dir, 'g.md'), '--jsn'])
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('"list" does not take --jsn')
    const extra = await run(['check', join(dir, 'g.md'), 'other.md'])
    expect(extra.code).toBe(2)
    expect(extra.stderr).toContain('unexpected argument "other.md"')
  })

  it('a badge path that cannot be written exits 2 naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'))
    writeFileSync(join(dir, 'g.md'), '## A\n[ ] a\n')
    mkdirSync(join(dir, 'badge.svg'))
    const r = await run(['fix', join(dir, 'g.md'), '--badge', join(dir, 'badge.svg')])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('badge.svg: it is a directory')
  })
})
