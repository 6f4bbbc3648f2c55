// Issue 4's acceptance, on the committed bundle as a runner runs it: issue
// events tick and untick, spoofs change nothing, a concurrent commit is kept,
// and nothing else in the file changes.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { issuesEvent, pushEvent, runAction } from '../../test-support/runner.ts'
import { emulatorWith, issueFor, SEEDLIKE, changedLines } from './harness.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const BUNDLE = join(root, 'dist/index.js')
const actionYml = join(root, 'action.yml')

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

const run = (eventName: string, event: object, inputs: Record<string, string> = {}) =>
  runAction(BUNDLE, { emu, eventName, event, actionYml, inputs })

async function synced() {
  emu = await emulatorWith({ 'goals.md': '# Goals\n' })
  const { before, after } = emu.commit('main', { 'goals.md': SEEDLIKE }, 'add goals', 'octo')
  const first = await run('push', pushEvent({ before, after }))
  expect(first.code, first.stdout).toBe(0)
  emu.setPermission('octo', 'admin')
  return emu.file('main', 'goals.md')!
}

describe('dist/index.js on issue events', () => {
  it('closing then reopening an issue as an admin ticks then unticks its goal, one commit each', async () => {
    const start = await synced()
    const issue = issueFor(emu, 'negotiate a four-day week')
    const commits = emu.commits('main').length

    emu.closeIssue(issue.number, { as: 'octo' })
    const closed = await run(
      'issues',
      issuesEvent('closed', emu.issueJson(issue.number), { sender: 'octo' })
    )
    expect(closed.code, closed.stdout).toBe(0)
    expect(closed.outputs['commit-sha']).toBe(emu.head('main'))
    expect(changedLines(start, emu.file('main', 'goals.md')!)).toEqual([
      ['## Career Goals  [1/4]', '## Career Goals  [2/4]'],
      ['[ ] negotiate a four-day week', '[x] negotiate a four-day week']
    ])
    expect(emu.commits('main')).toHaveLength(commits + 1)
    expect(emu.commits('main')[0]!.files.sort()).toEqual([
      '.github/badges/goals-card.svg',
      '.github/badges/goals.svg',
      '.github/goals-sync/ledger.json',
      'goals.md'
    ])
    expect(emu.file('main', '.github/badges/goals.svg')).toContain(
      `${closed.outputs.done}/${closed.outputs.total}`
    )

    emu.reopenIssue(issue.number, { as: 'octo' })
    const reopened = await run(
      'issues',
      issuesEvent('reopened', emu.issueJson(issue.number), { sender: 'octo' })
    )
    expect(reopened.code, reopened.stdout).toBe(0)
    expect(emu.file('main', 'goals.md')).toBe(start)
    expect(emu.commits('main')).toHaveLength(commits + 2)
  })

  it('a spoofed issue (copied title, labels and marker) closed by its author changes nothing', async () => {
    const start = await synced()
    const ours = issueFor(emu, 'learn to sail')
    const spoof = emu.createIssue({
      as: 'mallory',
      title: ours.title,
      body: ours.body ?? '',
      labels: ours.labels
    })
    emu.closeIssue(spoof.number, { as: 'mallory' })
    emu.resetLog()
    const result = await run(
      'issues',
      issuesEvent('closed', emu.issueJson(spoof.number), { sender: 'mallory' })
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/not created by goals-sync/)
    expect(emu.writes()).toBe(0)
    expect(emu.file('main', 'goals.md')).toBe(start)
    expect(result.outputs['commit-sha']).toBe('')
  })

  it('keeps a commit that lands while the run is under way', async () => {
    await synced()
    const issue = issueFor(emu, 'learn to sail')
    emu.closeIssue(issue.number, { as: 'octo' })
    let landed = false
    emu.onRequest(req => {
      if (!landed && req.method === 'POST' && req.path.endsWith('/git/trees')) {
        landed = true
        const text = emu
          .file('main', 'goals.md')!
          .replace(
            '[ ] write a “how we test” blog post',
            '[ ] write a “how we test” blog post\n\n[ ] host a hack day'
          )
        emu.commit('main', { 'goals.md': text }, 'a person adds a goal meanwhile', 'octo')
      }
    })
    const result = await run(
      'issues',
      issuesEvent('closed', emu.issueJson(issue.number), { sender: 'octo' })
    )
    expect(result.code, result.stdout).toBe(0)
    expect(landed).toBe(true)
    const head = emu.file('main', 'goals.md')!
    expect(head).toContain('[x] learn to sail')
    expect(head).toContain('[ ] host a hack day')
    expect(head).toContain('## Community Goals\n[1/4]')
    expect(head).toContain('## Life Goals [2/2]')
  })

  it('skips, with success and a message, a push to another branch and an unhandled event', async () => {
    await synced()
    emu.resetLog()
    const other = await run(
      'push',
      pushEvent({ before: emu.head('main'), after: emu.head('main'), ref: 'refs/heads/feature' })
    )
    expect(other.code).toBe(0)
    expect(other.stdout).toMatch(/not to the branch "main"/)
    const star = await run('watch', { action: 'started' })
    expect(star.code).toBe(0)
    expect(star.stdout).toMatch(/"watch" event is not handled/)
    expect(emu.writes()).toBe(0)
  })
})
