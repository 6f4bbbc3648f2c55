// Issue 11's acceptance on the bundle as a runner runs it: an admin's issue
// becomes a goal in one commit, a rerun writes nothing, an outsider's changes nothing.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { issuesEvent, pushEvent, runAction } from '../../test-support/runner.ts'
import { emulatorWith, SEEDLIKE } from './harness.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const BUNDLE = join(root, 'dist/index.js')
const actionYml = join(root, 'action.yml')

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

const run = (eventName: string, event: object) =>
  runAction(BUNDLE, { emu, eventName, event, actionYml, inputs: {} })

describe('dist/index.js on an issue opened as a goal', () => {
  it('adds the goal in one commit, creates no issue, and a rerun writes nothing; an outsider’s changes nothing', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const { before, after } = emu.commit('main', { 'goals.md': SEEDLIKE }, 'add goals', 'octo')
    expect((await run('push', pushEvent({ before, after }))).code).toBe(0)
    emu.setPermission('octo', 'admin')
    emu.setPermission('stranger', 'read')
    const start = emu.file('main', 'goals.md')!
    const commits = emu.commits('main').length
    const issues = emu.issues().length

    const theirs = emu.createIssue({
      as: 'stranger',
      title: 'learn Zig',
      labels: ['goal', 'Craft Goals']
    })
    emu.resetLog()
    const ignored = await run(
      'issues',
      issuesEvent('opened', emu.issueJson(theirs.number), { sender: 'stranger' })
    )
    expect(ignored.code, ignored.stdout).toBe(0)
    expect(ignored.stdout).toContain('whose role is "read"')
    expect(emu.writes()).toBe(0)

    const ours = emu.createIssue({
      as: 'octo',
      title: 'learn Zig',
      labels: ['goal', 'Craft Goals']
    })
    const event = issuesEvent('opened', emu.issueJson(ours.number), { sender: 'octo' })
    const added = await run('issues', event)
    expect(added.code, added.stdout).toBe(0)
    expect(added.outputs.created).toBe('')
    expect(added.outputs.updated).toBe(String(ours.number))
    expect(added.outputs['commit-sha']).toBe(emu.head('main'))
    expect(emu.commits('main')).toHaveLength(commits + 1)
    expect(emu.file('main', 'goals.md')).toBe(
      start
        .replace('## Craft Goals  [2/6]', '## Craft Goals  [2/7]')
        .replace(
          '[ ] contribute a patch to a compiler\n\n',
          '[ ] contribute a patch to a compiler\n\n[ ] learn Zig\n\n'
        )
    )
    expect(emu.issues()).toHaveLength(issues + 2)

    emu.resetLog()
    const rerun = await run('issues', event)
    expect(rerun.code, rerun.stdout).toBe(0)
    expect(emu.writes()).toBe(0)
    expect(emu.violations()).toEqual([])
  })
})
