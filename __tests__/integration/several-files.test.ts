// `path: goals/*.md`: two goals files synced in one run against the emulator,
// each with its own counters, the badge and card over both.
import { afterEach, describe, expect, it } from 'vitest'
import { emulatorWith, goalIssues, issueFor, reconcile, sync } from './harness.ts'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { issuesEvent, pushEvent } from '../../test-support/runner.ts'

const A = '# A\n\n## Build\n\n- [x] Lay bricks\n- [ ] Fit windows\n'
const B = '# B\n\n## Garden\n\n- [ ] Plant trees\n- [ ] Dig pond\n- [ ] Build shed\n'
const GLOB = { path: 'goals/*.md', card: '.github/badges/card.svg' }

let emu: Emulator | null = null
afterEach(async () => {
  await emu?.close()
  emu = null
})

async function twoFiles(extra: Record<string, string> = {}) {
  emu = await emulatorWith({ 'goals/a.md': A, 'goals/b.md': B, ...extra })
  emu.setPermission('octo', 'admin')
  return emu
}

const fetched = (e: Emulator, path: string) =>
  e.requests.some(r => r.method === 'GET' && r.path.endsWith(`/contents/${path}`))

describe('several goals files', () => {
  it('syncs both files, each with its own counters; the badge shows the sum; a rerun writes nothing', async () => {
    const e = await twoFiles()
    const report = await reconcile(e, { inputs: GLOB })
    expect(
      goalIssues(e)
        .map(i => i.title)
        .sort()
    ).toEqual(['Build shed', 'Dig pond', 'Fit windows', 'Lay bricks', 'Plant trees'].sort())
    expect(issueFor(e, 'Lay bricks').state).toBe('closed')
    expect(e.file('main', 'goals/a.md')).toContain('## Build [1/2]')
    expect(e.file('main', 'goals/b.md')).toContain('## Garden [0/3]')
    expect(report.done).toBe(1)
    expect(report.total).toBe(5)
    const badge = e.file('main', '.github/badges/goals.svg') ?? ''
    expect(badge).toContain('1/5')
    const card = e.file('main', '.github/badges/card.svg') ?? ''
    expect(card).toContain('goals/a.md')
    expect(card).toContain('goals/b.md')
    const ledger = JSON.stringify(e.file('main', '.github/goals-sync/ledger.json'))
    expect(ledger).toContain('goals/a.md')
    expect(ledger).toContain('goals/b.md')

    e.resetLog()
    const again = await reconcile(e, { inputs: GLOB })
    expect(e.writes()).toBe(0)
    // The README's bound: 3 + files × (4 + pages of issues).
    expect(e.reads()).toBeLessThanOrEqual(3 + 2 * (4 + 1))
    expect(again.writes).toBe(0)
    expect(again.total).toBe(5)
  })

  it('max-writes caps the whole run over all files; later runs finish without duplicates', async () => {
    const e = await twoFiles()
    const capped = { ...GLOB, 'max-writes': '12' }
    const first = await reconcile(e, { inputs: capped })
    expect(e.writes()).toBeLessThanOrEqual(12)
    expect(first.writes).toBe(e.writes())
    expect(first.applied.deferred).toBeGreaterThan(0)
    for (let run = 0; run < 4; run++) await reconcile(e, { inputs: capped })
    const titles = goalIssues(e).map(i => i.title)
    expect(titles.sort()).toEqual(
      ['Build shed', 'Dig pond', 'Fit windows', 'Lay bricks', 'Plant trees'].sort()
    )
    expect(e.file('main', 'goals/b.md')).toContain('## Garden [0/3]')
    e.resetLog()
    await reconcile(e, { inputs: capped })
    expect(e.writes()).toBe(0)
  })

  it('a push touching only goals/b.md reads and plans b only, the badge still the total (a counted from the ledger)', async () => {
    const e = await twoFiles()
    await reconcile(e, { inputs: GLOB })
    const pond = issueFor(e, 'Dig pond')
    const ticked = (e.file('main', 'goals/b.md') ?? '').replace('- [ ] Dig pond', '- [x] Dig pond')
    const { before, after } = e.commit('main', { 'goals/b.md': ticked }, 'tick', 'octo')
    e.resetLog()
    const report = await sync(
      e,
      'push',
      pushEvent({
        before,
        after,
        commits: [{ id: after, message: 'tick', modified: ['goals/b.md'] }]
      }),
      { inputs: GLOB }
    )
    expect(e.issue(pond.number)?.state).toBe('closed')
    expect(report.ops.every(op => !('number' in op) || op.number === pond.number)).toBe(true)
    // a.md is still as the action last wrote it (same blob id): counted from the ledger, unread.
    expect(fetched(e, 'goals/a.md')).toBe(false)
    expect(e.file('main', 'goals/b.md')).toContain('## Garden [1/3]')
    expect(e.file('main', '.github/badges/goals.svg')).toContain('2/5')
    expect(report.done).toBe(2)
  })

  it('a file changed since the action last wrote it is read for the total, though the push did not list it', async () => {
    const e = await twoFiles()
    await reconcile(e, { inputs: GLOB })
    // A commit the action never ran for (say, [skip ci]): a.md's blob is no longer the one recorded.
    const a = (e.file('main', 'goals/a.md') ?? '').replace('- [ ] Fit windows', '- [x] Fit windows')
    e.commit('main', { 'goals/a.md': a }, 'tick [skip ci]', 'octo')
    const b = (e.file('main', 'goals/b.md') ?? '').replace('- [ ] Dig pond', '- [x] Dig pond')
    const { before, after } = e.commit('main', { 'goals/b.md': b }, 'tick', 'octo')
    e.resetLog()
    await sync(
      e,
      'push',
      pushEvent({
        before,
        after,
        commits: [{ id: after, message: 'tick', modified: ['goals/b.md'] }]
      }),
      { inputs: GLOB }
    )
    expect(fetched(e, 'goals/a.md')).toBe(true)
    expect(e.file('main', '.github/badges/goals.svg')).toContain('3/5')
  })

  it('an issue closed on GitHub syncs the file of its goal only', async () => {
    const e = await twoFiles()
    await reconcile(e, { inputs: GLOB })
    const windows = issueFor(e, 'Fit windows')
    e.closeIssue(windows.number, { as: 'octo' })
    await sync(
      e,
      'issues',
      issuesEvent('closed', e.issueJson(windows.number), { sender: 'octo' }),
      {
        inputs: GLOB
      }
    )
    expect(e.file('main', 'goals/a.md')).toContain('- [x] Fit windows')
    expect(e.file('main', 'goals/a.md')).toContain('## Build [2/2]')
    expect(e.file('main', 'goals/b.md')).toContain('## Garden [0/3]')
  })

  it('an outsider issue with the goal label changes nothing; files outside the glob and the outputs are never read or written', async () => {
    const notes = '# Notes\n\n- [ ] Not a goal\n'
    const e = await twoFiles({ 'notes/x.md': notes, '.github/workflows/x.md': notes })
    await reconcile(e, { inputs: { ...GLOB, path: '**/*.md' } })
    expect(goalIssues(e).map(i => i.title)).toContain('Not a goal')
    expect(e.requests.some(r => r.path.includes('.github/workflows/x.md'))).toBe(false)

    const f = await twoFiles({ 'notes/x.md': notes })
    await reconcile(f, { inputs: GLOB })
    expect(fetched(f, 'notes/x.md')).toBe(false)
    expect(f.file('main', 'notes/x.md')).toBe(notes)
    expect(goalIssues(f).some(i => i.title === 'Not a goal')).toBe(false)
    const before = { a: f.file('main', 'goals/a.md'), b: f.file('main', 'goals/b.md') }
    const count = goalIssues(f).length
    f.setPermission('mallory', 'read')
    const sneaky = f.createIssue({ as: 'mallory', title: 'Sneaky', labels: ['goal', 'Garden'] })
    await sync(
      f,
      'issues',
      issuesEvent('opened', f.issueJson(sneaky.number), { sender: 'mallory' }),
      {
        inputs: GLOB
      }
    )
    expect(f.file('main', 'goals/a.md')).toBe(before.a)
    expect(f.file('main', 'goals/b.md')).toBe(before.b)
    expect(goalIssues(f)).toHaveLength(count)
    await f.close()
  })

  it('a goal moved from a.md to b.md in one push keeps its issue, and the ledger names its new file', async () => {
    const e = await twoFiles()
    await reconcile(e, { inputs: GLOB })
    const windows = issueFor(e, 'Fit windows')
    const count = goalIssues(e).length
    const a = (e.file('main', 'goals/a.md') ?? '').replace('- [ ] Fit windows\n', '')
    const b = (e.file('main', 'goals/b.md') ?? '') + '- [ ] Fit windows\n'
    const { before, after } = e.commit('main', { 'goals/a.md': a, 'goals/b.md': b }, 'move', 'octo')
    const modified = ['goals/a.md', 'goals/b.md']
    await sync(
      e,
      'push',
      pushEvent({ before, after, commits: [{ id: after, message: 'move', modified }] }),
      {
        inputs: GLOB
      }
    )
    expect(goalIssues(e)).toHaveLength(count)
    expect(e.issue(windows.number)?.state).toBe('open')
    expect(e.issue(windows.number)?.labels).toContain('Garden')
    const ledger = JSON.parse(e.file('main', '.github/goals-sync/ledger.json') ?? '{}') as {
      issues: Record<string, { file: string; category: string }>
    }
    expect(ledger.issues[String(windows.number)]).toMatchObject({
      file: 'goals/b.md',
      category: 'Garden'
    })
    expect(e.file('main', 'goals/a.md')).toContain('## Build [1/1]')
    expect(e.file('main', 'goals/b.md')).toContain('## Garden [0/4]')
    e.resetLog()
    await reconcile(e, { inputs: GLOB })
    expect(e.writes()).toBe(0)
  })

  it('an admin issue labelled with a category becomes a goal in the file that has that category', async () => {
    const e = await twoFiles()
    await reconcile(e, { inputs: GLOB })
    const shed = e.createIssue({ as: 'octo', title: 'Mend fence', labels: ['goal', 'Garden'] })
    await sync(e, 'issues', issuesEvent('opened', e.issueJson(shed.number), { sender: 'octo' }), {
      inputs: GLOB
    })
    expect(e.file('main', 'goals/b.md')).toContain('- [ ] Mend fence')
    expect(e.file('main', 'goals/b.md')).toContain('## Garden [0/4]')
    expect(e.file('main', 'goals/a.md')).not.toContain('Mend fence')
    expect(e.file('main', '.github/badges/goals.svg')).toContain('1/6')
  })

  it('a push that touches no goals file syncs none and writes nothing', async () => {
    const e = await twoFiles()
    await reconcile(e, { inputs: GLOB })
    const windows = issueFor(e, 'Fit windows')
    e.closeIssue(windows.number, { as: 'octo' })
    const { before, after } = e.commit('main', { 'README.md': 'hi\n' }, 'docs', 'octo')
    e.resetLog()
    const report = await sync(
      e,
      'push',
      pushEvent({ before, after, commits: [{ id: after, message: 'docs', added: ['README.md'] }] }),
      { inputs: GLOB }
    )
    expect(e.writes()).toBe(0)
    expect(report.notes.join('\n')).toContain('changed none of the goals files')
    // The next full run catches up with what happened on GitHub meanwhile.
    await reconcile(e, { inputs: GLOB })
    expect(e.file('main', 'goals/a.md')).toContain('- [x] Fit windows')
  })

  it('dry-run: no writes at all, and the report says what would happen over both files', async () => {
    const e = await twoFiles()
    const report = await reconcile(e, { inputs: { ...GLOB, 'dry-run': 'true' } })
    expect(e.writes()).toBe(0)
    expect(report.ops.filter(op => op.kind === 'create-issue')).toHaveLength(5)
    expect(report.total).toBe(5)
    expect(report.categories.map(c => c.name)).toEqual(['goals/a.md: Build', 'goals/b.md: Garden'])
  })

  it('an unmatched glob or a missing listed file is an error that names the input', async () => {
    const e = await twoFiles()
    await expect(reconcile(e, { inputs: { path: 'plans/*.md' } })).rejects.toThrow(
      /Input "path".*matches no goals file/
    )
    await expect(reconcile(e, { inputs: { path: 'goals/a.md, goals/c.md' } })).rejects.toThrow(
      /"goals\/c\.md", not on branch "main"/
    )
    expect(e.writes()).toBe(0)
  })

  it('commit: pull-request with several files is refused before any write; commit: none syncs the issues only', async () => {
    const e = await twoFiles()
    await expect(reconcile(e, { inputs: { ...GLOB, commit: 'pull-request' } })).rejects.toThrow(
      /does not support yet: use "commit: push"/
    )
    expect(e.writes()).toBe(0)
    const report = await reconcile(e, { inputs: { ...GLOB, commit: 'none' } })
    expect(goalIssues(e)).toHaveLength(5)
    expect(report.total).toBe(5)
    expect(e.file('main', 'goals/a.md')).toBe(A)
    expect(e.file('main', 'goals/b.md')).toBe(B)
    e.resetLog()
    await reconcile(e, { inputs: { ...GLOB, commit: 'none' } })
    expect(e.writes()).toBe(0)
  })
})
