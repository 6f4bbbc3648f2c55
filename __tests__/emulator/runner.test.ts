import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  dispatchEvent,
  inputEnvName,
  issuesEvent,
  parseOutputFile,
  pushEvent,
  runAction,
  scheduleEvent
} from '../../test-support/runner.ts'
import { emulator } from './setup.ts'

const dir = mkdtempSync(join(tmpdir(), 'bundle-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// A stand-in for a bundled action: plain node, no dependencies, talks to the API over HTTP.
const BUNDLE = `
import fs from 'node:fs'
const env = process.env
const event = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
const res = await fetch(env.GITHUB_API_URL + '/repos/' + env.GITHUB_REPOSITORY + '/issues', {
  method: 'POST',
  headers: { authorization: 'token ' + env.INPUT_TOKEN, 'content-type': 'application/json' },
  body: JSON.stringify({ title: 'from ' + env.GITHUB_EVENT_NAME + ' by ' + event.sender.login })
})
const issue = await res.json()
fs.appendFileSync(env.GITHUB_OUTPUT, 'issue=' + issue.number + '\\n')
fs.appendFileSync(env.GITHUB_OUTPUT, 'dry-run=' + env['INPUT_DRY-RUN'] + '\\n')
fs.appendFileSync(env.GITHUB_OUTPUT, 'report<<ghadelimiter_1\\nline one\\nline=two\\nghadelimiter_1\\n')
fs.appendFileSync(env.GITHUB_STEP_SUMMARY, '### Synced ' + env.INPUT_PATH + '\\n')
console.log([env.GITHUB_REF, env.GITHUB_SHA, env.GITHUB_ACTOR, env.GOALS_SYNC_PACING, process.cwd() === env.GITHUB_WORKSPACE].join(' '))
if (env.INPUT_FAIL === 'true') {
  console.log('::error::asked to fail')
  process.exitCode = 1
}
`
const bundle = join(dir, 'index.mjs')
writeFileSync(bundle, BUNDLE)

describe('runAction', () => {
  it('runs a bundle with the runner environment and collects outputs and summary', async () => {
    const emu = await emulator()
    const { before, after } = emu.commit('main', { 'goals.md': 'pushed\n' }, 'edit', 'alice')
    const event = pushEvent({
      before,
      after,
      sender: 'alice',
      commits: [{ id: after, message: 'edit', modified: ['goals.md'] }]
    })
    const result = await runAction(bundle, {
      emu,
      eventName: 'push',
      event,
      inputs: { 'dry-run': 'true', path: 'goals.md' }
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.outputs).toEqual({ issue: '1', 'dry-run': 'true', report: 'line one\nline=two' })
    expect(result.summary).toBe('### Synced goals.md\n')
    expect(result.stdout.trim()).toBe(`refs/heads/main ${after} alice off true`)
    expect(emu.issues()[0]).toMatchObject({
      title: 'from push by alice',
      user: 'github-actions[bot]'
    })
  })

  it('reports a failing exit code, applies action.yml defaults and lets env override pacing', async () => {
    const emu = await emulator()
    const yml = join(dir, 'action.yml')
    writeFileSync(
      yml,
      'name: t\ninputs:\n  token:\n    default: ${{ github.token }}\n  path:\n    default: goals.md\n  dry-run:\n    default: "false"\n'
    )
    const result = await runAction(bundle, {
      emu,
      eventName: 'workflow_dispatch',
      event: dispatchEvent({ sender: 'bob' }),
      inputs: { fail: 'true' },
      env: { GOALS_SYNC_PACING: 'on' },
      actionYml: yml
    })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('::error::asked to fail')
    expect(result.stdout).toContain(`refs/heads/main ${emu.head('main')} bob on true`)
    expect(result.outputs['dry-run']).toBe('false')
    expect(result.summary).toBe('### Synced goals.md\n')
  })

  it('builds event payloads with the fields GitHub sends', async () => {
    const emu = await emulator({ defaultBranch: 'trunk' })
    const issue = emu.createIssue({ as: 'mallory', title: 'Goal' })
    const closed = issuesEvent('closed', emu.issueJson(issue.number), {
      sender: 'mallory',
      defaultBranch: 'trunk'
    })
    expect(closed).toMatchObject({
      action: 'closed',
      issue: { number: 1, user: { login: 'mallory' } },
      repository: { full_name: 'octo/goals', default_branch: 'trunk' },
      sender: { login: 'mallory', type: 'User' }
    })
    const edited = issuesEvent('edited', emu.issueJson(1), {
      sender: 'github-actions[bot]',
      changes: { title: { from: 'x' } }
    })
    expect(edited.sender.type).toBe('Bot')
    expect(edited.changes).toEqual({ title: { from: 'x' } })
    const push = pushEvent({
      before: '0'.repeat(40),
      after: 'a'.repeat(40),
      defaultBranch: 'trunk'
    })
    expect(push).toMatchObject({
      ref: 'refs/heads/trunk',
      created: true,
      head_commit: null,
      sender: { login: 'octo' }
    })
    expect(push.repository).toMatchObject({ created_at: 1_704_067_200, pushed_at: 1_704_067_200 })
    const schedule = scheduleEvent({ defaultBranch: 'trunk' })
    expect(schedule).toMatchObject({
      schedule: '17 3 * * *',
      repository: {
        id: 700001,
        full_name: 'octo/goals',
        default_branch: 'trunk',
        owner: { login: 'octo' }
      },
      workflow: '.github/workflows/goals.yml'
    })
    expect(Object.keys(schedule).sort()).toEqual(['repository', 'schedule', 'workflow'])
    expect(dispatchEvent({ inputs: { why: 'now' } })).toMatchObject({
      inputs: { why: 'now' },
      ref: 'refs/heads/main',
      repository: { full_name: 'octo/goals', created_at: '2024-01-01T00:00:00Z' },
      sender: { login: 'octo' },
      workflow: '.github/workflows/goals.yml'
    })
    expect(inputEnvName('dry run')).toBe('INPUT_DRY_RUN')
    expect(inputEnvName('dry-run')).toBe('INPUT_DRY-RUN')
    expect(parseOutputFile('a=1\nb<<EOF\nx\n\ny\nEOF\n')).toEqual({ a: '1', b: 'x\n\ny' })
  })
})
