import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { issuesEvent } from '../../test-support/runner.ts'
import { decodeMarker } from '../../src/sync/marker.ts'
import {
  closeAs,
  goalIssues,
  issueFor,
  reopenAs,
  sync,
  changedLines,
  syncedEmulator
} from './harness.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

async function synced() {
  emu = await syncedEmulator()
  return emu.file('main', 'goals.md')!
}

describe('issues → file', () => {
  it('closing an issue ticks its goal and fixes counters and badge in one commit', async () => {
    const before = await synced()
    const commits = emu.commits('main').length
    const issue = issueFor(emu, 'mentor two junior engineers')
    emu.resetLog()
    const report = await closeAs(emu, issue.number, 'octo')
    const after = emu.file('main', 'goals.md')!
    expect(changedLines(before, after)).toEqual([
      ['## Career Goals  [1/4]', '## Career Goals  [2/4]'],
      ['[ ] mentor two junior engineers', '[x] mentor two junior engineers']
    ])
    expect(emu.commits('main')).toHaveLength(commits + 1)
    expect(emu.commits('main')[0]!.files.sort()).toEqual([
      '.github/badges/goals-card.svg',
      '.github/badges/goals.svg',
      '.github/goals-sync/ledger.json',
      'goals.md'
    ])
    expect(emu.file('main', '.github/badges/goals.svg')).toContain(`${report.done}/${report.total}`)
    // The ledger records the closed state in that same commit, so a later reconcile sees nothing
    // to settle and the issue body is not rewritten: the close costs the commit's three writes.
    const ledger = JSON.parse(emu.file('main', '.github/goals-sync/ledger.json')!)
    expect(ledger.issues[String(issue.number)].synced).toBe('closed')
    expect(emu.writes()).toBe(3)
    expect(decodeMarker(emu.issue(issue.number)!.body)?.synced).toBe('open')
  })

  it('reopening unticks the goal', async () => {
    const before = await synced()
    const issue = issueFor(emu, 'run 10 km without stopping')
    await reopenAs(emu, issue.number, 'octo')
    expect(changedLines(before, emu.file('main', 'goals.md')!)).toEqual([
      ['## Life Goals [1/2]', '## Life Goals [0/2]'],
      ['[x] run 10 km without stopping', '[ ] run 10 km without stopping']
    ])
  })

  it('editing the title rewrites the goal text when sync-titles is on, and not when off', async () => {
    const before = await synced()
    const issue = issueFor(emu, 'learn to sail')
    emu.editIssue(issue.number, { title: 'learn to sail a dinghy' }, { as: 'octo' })
    const event = issuesEvent('edited', emu.issueJson(issue.number), {
      sender: 'octo',
      changes: { title: { from: 'learn to sail' } }
    })
    await sync(emu, 'issues', event, { inputs: { 'sync-titles': 'false' } })
    expect(emu.file('main', 'goals.md')).toBe(before)
    await sync(emu, 'issues', event)
    expect(changedLines(before, emu.file('main', 'goals.md')!)).toEqual([
      ['[ ] learn to sail', '[ ] learn to sail a dinghy']
    ])
  })

  it('an outsider’s copy of a goal issue, closed by its author, changes nothing', async () => {
    const before = await synced()
    const ours = issueFor(emu, 'learn to sail')
    const copy = emu.createIssue({
      as: 'mallory',
      title: ours.title,
      body: ours.body ?? '',
      labels: ours.labels
    })
    emu.setPermission('mallory', 'read')
    const head = emu.head('main')
    emu.resetLog()
    const report = await closeAs(emu, copy.number, 'mallory')
    expect(report.notes.join(' ')).toMatch(/not created by goals-sync/)
    expect(emu.writes()).toBe(0)
    expect(emu.head('main')).toBe(head)
    expect(emu.file('main', 'goals.md')).toBe(before)
  })

  it('a goal issue closed by someone without triage changes nothing', async () => {
    const before = await synced()
    const issue = issueFor(emu, 'learn to sail')
    emu.setPermission('stranger', 'read')
    emu.resetLog()
    const report = await closeAs(emu, issue.number, 'stranger')
    expect(report.notes.join(' ')).toMatch(/role is "read"/)
    expect(emu.writes()).toBe(0)
    expect(emu.file('main', 'goals.md')).toBe(before)
  })

  it('a triager may close a goal issue', async () => {
    await synced()
    const issue = issueFor(emu, 'learn to sail')
    emu.setPermission('tri', 'triage')
    await closeAs(emu, issue.number, 'tri')
    expect(emu.file('main', 'goals.md')).toContain('[x] learn to sail')
  })

  it('an issue event that changes nothing writes nothing and stays within the read bound', async () => {
    await synced()
    const issue = issueFor(emu, 'run 10 km without stopping') // already closed and ticked
    emu.resetLog()
    await sync(
      emu,
      'issues',
      issuesEvent('closed', emu.issueJson(issue.number), { sender: 'octo' })
    )
    expect(emu.writes()).toBe(0)
    // The head, the settings file, the goals file, the ledger, the sender's role and the issue
    // pages: no more than 6 with one page.
    expect(emu.reads()).toBeLessThanOrEqual(5 + Math.ceil(goalIssues(emu).length / 100))
  })

  it('three closes in a burst whose middle run never runs (concurrency cancelled it): all three goals are ticked', async () => {
    const before = await synced()
    const [a, b, c] = [
      'learn to sail',
      'mentor two junior engineers',
      'organise a local meetup'
    ].map(t => issueFor(emu, t).number)
    await closeAs(emu, a!, 'octo')
    emu.closeIssue(b!, { as: 'octo' }) // its run was cancelled while pending
    await closeAs(emu, c!, 'octo')
    const after = emu.file('main', 'goals.md')!
    expect(changedLines(before, after).map(([, now]) => now)).toEqual([
      '## Career Goals  [2/4]',
      '[x] mentor two junior engineers',
      '[2/3]',
      '[x] organise a local meetup',
      '## Life Goals [2/2]',
      '[x] learn to sail'
    ])
  })

  it('ignores other issue actions with a message', async () => {
    await synced()
    const issue = issueFor(emu, 'learn to sail')
    emu.resetLog()
    const report = await sync(
      emu,
      'issues',
      issuesEvent('unlabeled', emu.issueJson(issue.number), { sender: 'octo' })
    )
    expect(report.skipped).toMatch(/"unlabeled" events are not handled/)
    expect(emu.requests).toEqual([])
  })
})
