// Ownership rests on the ledger alone (SPEC §3): what can be typed into an issue
// (title, labels, marker) and the author alone never make an issue the action's.
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { issuesEvent } from '../../test-support/runner.ts'
import { encodeMarker } from '../../src/sync/marker.ts'
import {
  closeAs,
  emulatorWith,
  goalIssues,
  issueFor,
  reconcile,
  reopenAs,
  sync,
  syncedEmulator
} from './harness.ts'

const LEDGER = '.github/goals-sync/ledger.json'
const ledgerOf = (emu: Emulator) =>
  JSON.parse(emu.file('main', LEDGER)!) as {
    seq: number
    issues: Record<string, { title: string; synced: string; retired?: boolean }>
  }

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

describe('ownership: the ledger, nothing else', () => {
  it('another workflow’s issue (also github-actions[bot], with a copied marker and labels) is never touched', async () => {
    emu = await syncedEmulator()
    const ours = issueFor(emu, 'learn to sail')
    const before = emu.file('main', 'goals.md')
    const copy = emu.createIssue({
      as: 'github-actions[bot]',
      title: 'learn to sail in a storm',
      body: ours.body ?? '',
      labels: ['goal', 'stray']
    })
    await reconcile(emu)
    // Not relabelled, not retitled, its title not written into goals.md, not closed as a duplicate.
    const after = emu.issue(copy.number)!
    expect(after.title).toBe('learn to sail in a storm')
    expect([...after.labels].sort()).toEqual(['goal', 'stray'])
    expect(after.state).toBe('open')
    expect(emu.comments(copy.number)).toEqual([])
    expect(emu.file('main', 'goals.md')).toBe(before)
    // A triager closing it ticks nothing.
    const report = await closeAs(emu, copy.number, 'octo')
    expect(report.notes.join(' ')).toMatch(/not created by goals-sync/)
    expect(emu.file('main', 'goals.md')).toBe(before)
    expect(emu.issue(ours.number)!.state).toBe('open')
  })

  it('with a personal token, another app’s [bot] issue with a marker is not taken for the action’s', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n\n## Life Goals\n\n[ ] learn to sail\n' })
    emu.addToken('ghp_personal', { login: 'octo', kind: 'user' })
    emu.setPermission('octo', 'admin')
    const stray = emu.createIssue({
      as: 'helper-app[bot]',
      title: 'learn to sail',
      body: `Goal in **Life Goals**.\n\n${encodeMarker({
        file: 'goals.md',
        category: 'Life Goals',
        title: 'learn to sail',
        n: 0,
        synced: 'open',
        removed: false
      })}`,
      labels: ['goal', 'Life Goals']
    })
    await reconcile(emu, { token: 'ghp_personal' })
    const mine = emu.issues().filter(i => i.user === 'octo' && i.title === 'learn to sail')
    expect(mine).toHaveLength(1)
    expect(Object.keys(ledgerOf(emu).issues)).toEqual([String(mine[0]!.number)])
    expect(emu.issue(stray.number)!.state).toBe('open')
    expect(emu.comments(stray.number)).toEqual([])
  })

  it('a close and a retitle of one issue before a reconcile are both recorded; the next run has nothing to do', async () => {
    emu = await syncedEmulator()
    const issue = issueFor(emu, 'learn to sail')
    emu.closeIssue(issue.number, { as: 'octo' })
    emu.editIssue(issue.number, { title: 'learn to sail a dinghy' }, { as: 'octo' })
    await reconcile(emu)
    expect(emu.file('main', 'goals.md')).toContain('[x] learn to sail a dinghy')
    expect(ledgerOf(emu).issues[String(issue.number)]).toMatchObject({
      title: 'learn to sail a dinghy',
      synced: 'closed'
    })
    emu.resetLog()
    const again = await reconcile(emu)
    expect(again.ops).toEqual([])
    expect(again.edits).toEqual([])
    expect(emu.writes()).toBe(0)
    expect(goalIssues(emu).filter(i => i.title.startsWith('learn to sail'))).toHaveLength(1)
  })

  it('reopening an issue retired as a duplicate changes nothing, and it stays out of every run', async () => {
    emu = await syncedEmulator()
    const done = issueFor(emu, 'run 10 km without stopping')
    // A second issue for the same goal, recorded in the ledger by a writer (as a lost race could leave it).
    const twin = emu.createIssue({
      as: 'github-actions[bot]',
      title: done.title,
      body: done.body ?? '',
      labels: [...done.labels],
      state: 'closed'
    })
    const ledger = ledgerOf(emu)
    ledger.issues[String(twin.number)] = { ...ledger.issues[String(done.number)]! }
    const text = JSON.stringify(ledger, null, 2) + '\n'
    emu.commit('main', { [LEDGER]: text }, 'record twin', 'octo')
    await reconcile(emu)
    expect(ledgerOf(emu).issues[String(twin.number)]?.retired).toBe(true)
    const before = emu.file('main', 'goals.md')!
    expect(before).toContain('[x] run 10 km without stopping')
    const report = await reopenAs(emu, twin.number, 'octo')
    expect(report.notes.join(' ')).toMatch(/duplicate/)
    expect(emu.file('main', 'goals.md')).toBe(before)
    emu.resetLog()
    const later = await reconcile(emu)
    expect(later.ops).toEqual([])
    expect(emu.file('main', 'goals.md')).toBe(before)
    expect(emu.issue(twin.number)!.state).toBe('open')
  })
})

describe('the ledger kept safe', () => {
  it('a hand-edited ledger that no longer parses fails the run naming the file and the fix; nothing is created', async () => {
    emu = await syncedEmulator()
    const count = emu.issues().length
    emu.commit('main', { [LEDGER]: '{ "version": 1, "seq": 2, "issues": ' }, 'oops', 'octo')
    await expect(reconcile(emu)).rejects.toThrow(
      /\.github\/goals-sync\/ledger\.json on "main" is not valid JSON.*restore it from the history.*delete it/s
    )
    expect(emu.issues()).toHaveLength(count)
  })

  it('a deleted ledger is rebuilt once from the action’s own issues, with a warning, and no issue is created', async () => {
    emu = await syncedEmulator()
    const count = emu.issues().length
    emu.commit('main', { [LEDGER]: null }, 'drop the ledger', 'octo')
    const warnings: string[] = []
    const report = await reconcile(emu, { warnings })
    expect(report.warnings.join(' ')).toMatch(
      /No goals-sync ledger was found, so it was rebuilt from 15 issue/
    )
    expect(emu.issues()).toHaveLength(count)
    expect(Object.keys(ledgerOf(emu).issues)).toHaveLength(15)
    const again = await reconcile(emu)
    expect(again.warnings).toEqual([])
  })

  it('with commit: pull-request the ledger lives on refs/goals-sync/ledger, and a rerun creates nothing', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n\n## Life\n\n[ ] learn to sail\n[x] swim\n' })
    emu.setPermission('octo', 'admin')
    const inputs = { commit: 'pull-request' }
    await reconcile(emu, { inputs })
    expect(emu.file('main', LEDGER)).toBeUndefined()
    const onRef = JSON.parse(emu.file('refs/goals-sync/ledger', 'ledger.json')!)
    expect(Object.keys(onRef.issues)).toHaveLength(2)
    emu.resetLog()
    await reconcile(emu, { inputs })
    expect(emu.issues()).toHaveLength(2)
    // An issue closed meanwhile is recorded on the ref once both sides agree (after the merge).
    const sail = issueFor(emu, 'learn to sail')
    await sync(
      emu,
      'issues',
      issuesEvent('closed', emu.issueJson(sail.number), { sender: 'octo' }),
      { inputs }
    )
    expect(emu.pulls()).toHaveLength(1)
  })

  it('switching commit: push → none → push never gives a goal a second issue', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n\n## Life\n\n[ ] learn to sail\n' })
    emu.setPermission('octo', 'admin')
    await reconcile(emu)
    emu.commit(
      'main',
      { 'goals.md': '# Goals\n\n## Life\n\n[ ] learn to sail\n[ ] swim\n' },
      'add',
      'octo'
    )
    await reconcile(emu, { inputs: { commit: 'none' } })
    expect(
      emu
        .issues()
        .map(i => i.title)
        .sort()
    ).toEqual(['learn to sail', 'swim'])
    // The file's ledger does not know "swim"; the ref's (newer) does.
    expect(Object.keys(ledgerOf(emu).issues)).toHaveLength(1)
    await reconcile(emu)
    expect(
      emu
        .issues()
        .map(i => i.title)
        .sort()
    ).toEqual(['learn to sail', 'swim'])
    expect(Object.keys(ledgerOf(emu).issues)).toHaveLength(2)
  })
})
