import { describe, expect, it } from 'vitest'
import { planSync } from '../../src/sync/plan.ts'
import type { Op } from '../../src/sync/ops.ts'
import { decodeMarker } from '../../src/sync/marker.ts'
import { issueNamed, settings, syncedIssues } from './support.ts'

const FILE = `# Goals

## Reading  [1/2]

[x] read a book about compilers

[ ] read the SQLite source

## Fitness
[0/1]

- [ ] run a half marathon
`

type Update = Extract<Op, { kind: 'update-issue' }>
const updates = (ops: Op[]) => ops.filter((o): o is Update => o.kind === 'update-issue')
const creates = (ops: Op[]) => ops.filter(o => o.kind === 'create-issue')

describe('planSync', () => {
  it('creates labels, then one issue per goal, closing the ticked ones', () => {
    const plan = planSync({ text: FILE, issues: [], settings })
    const labels = plan.ops
      .filter(o => o.kind === 'create-label')
      .map(o => (o as { name: string }).name)
    expect(labels).toEqual(['goal', 'Reading', 'Fitness'])
    const made = creates(plan.ops)
    expect(
      made.map(o => o.kind === 'create-issue' && [o.title, o.labels, o.close !== null])
    ).toEqual([
      ['read a book about compilers', ['goal', 'Reading'], true],
      ['read the SQLite source', ['goal', 'Reading'], false],
      ['run a half marathon', ['goal', 'Fitness'], false]
    ])
    // Labels come before the issues that carry them.
    expect(plan.ops.findIndex(o => o.kind === 'create-issue')).toBeGreaterThan(
      plan.ops.findLastIndex(o => o.kind === 'create-label')
    )
  })

  it('plans nothing when file and issues agree', () => {
    const plan = planSync({ text: FILE, issues: syncedIssues(FILE), settings })
    expect(plan.ops).toEqual([])
    expect(plan.edits).toEqual([])
  })

  it('closes the issue of a box ticked in this push', () => {
    const after = FILE.replace('[ ] read the SQLite', '[x] read the SQLite')
    const issues = syncedIssues(FILE)
    const plan = planSync({ text: after, before: FILE, issues, settings })
    expect(updates(plan.ops)).toMatchObject([
      {
        number: issueNamed(issues, 'read the SQLite source').number,
        state: 'closed',
        stateReason: 'completed'
      }
    ])
    expect(decodeMarker(updates(plan.ops)[0]!.body)?.synced).toBe('closed')
  })

  it('reopens the issue of a box unticked in this push', () => {
    const after = FILE.replace('[x] read a book', '[ ] read a book')
    const issues = syncedIssues(FILE)
    const plan = planSync({ text: after, before: FILE, issues, settings })
    expect(updates(plan.ops)).toMatchObject([
      {
        number: issueNamed(issues, 'read a book about compilers').number,
        state: 'open',
        effect: 'reopened'
      }
    ])
  })

  describe('a box and an issue that disagree outside a push', () => {
    const closedOnGitHub = () => {
      const issues = syncedIssues(FILE)
      const issue = issueNamed(issues, 'run a half marathon')
      issue.state = 'closed'
      return { issues, issue }
    }
    it('latest: the issue changed since the last sync, so the box follows it', () => {
      const { issues, issue } = closedOnGitHub()
      const plan = planSync({ text: FILE, issues, settings })
      expect(plan.ops).toEqual([])
      expect(plan.edits).toMatchObject([{ issue: issue.number, checked: true }])
    })
    it('latest: the box changed since the last sync, so the issue follows it', () => {
      const issues = syncedIssues(FILE)
      const ticked = FILE.replace('- [ ] run', '- [x] run')
      const plan = planSync({ text: ticked, issues, settings })
      expect(plan.edits).toEqual([])
      expect(updates(plan.ops)).toMatchObject([
        { number: issueNamed(issues, 'run a half marathon').number, state: 'closed' }
      ])
    })
    it('conflict: file makes the file win', () => {
      const { issues, issue } = closedOnGitHub()
      const plan = planSync({ text: FILE, issues, settings: { ...settings, conflict: 'file' } })
      expect(plan.edits).toEqual([])
      expect(updates(plan.ops)).toMatchObject([{ number: issue.number, state: 'open' }])
    })
    it('conflict: issues makes the issue win even when the box changed', () => {
      const issues = syncedIssues(FILE)
      const ticked = FILE.replace('- [ ] run', '- [x] run')
      const plan = planSync({ text: ticked, issues, settings: { ...settings, conflict: 'issues' } })
      expect(plan.ops).toEqual([])
      expect(plan.edits).toMatchObject([
        { issue: issueNamed(issues, 'run a half marathon').number, checked: false }
      ])
    })
  })

  it('retitles the issue of a goal edited in the push, paired by its line', () => {
    const after = FILE.replace('read the SQLite source', 'read the Postgres planner code')
    const issues = syncedIssues(FILE)
    const plan = planSync({ text: after, before: FILE, issues, settings })
    expect(creates(plan.ops)).toEqual([])
    expect(updates(plan.ops)).toMatchObject([
      {
        number: issueNamed(issues, 'read the SQLite source').number,
        title: 'read the Postgres planner code'
      }
    ])
  })

  it('retitles by similarity when there is no push to pair lines with', () => {
    const after = FILE.replace('run a half marathon', 'run a half marathon in spring')
    const issues = syncedIssues(FILE)
    const plan = planSync({ text: after, issues, settings })
    expect(creates(plan.ops)).toEqual([])
    expect(updates(plan.ops)).toMatchObject([{ title: 'run a half marathon in spring' }])
  })

  it('swaps the category label of a goal moved to another category', () => {
    const after = FILE.replace('[ ] read the SQLite source\n', '').replace(
      '- [ ] run a half marathon\n',
      '- [ ] run a half marathon\n- [ ] read the SQLite source\n'
    )
    const issues = syncedIssues(FILE)
    const plan = planSync({ text: after, before: FILE, issues, settings })
    const moved = issueNamed(issues, 'read the SQLite source')
    expect(updates(plan.ops)).toMatchObject([{ number: moved.number, labels: ['goal', 'Fitness'] }])
    expect(decodeMarker(updates(plan.ops)[0]!.body)?.category).toBe('Fitness')
  })

  it('renames the label of a renamed category', () => {
    const after = FILE.replace('## Fitness', '## Health')
    const issues = syncedIssues(FILE)
    const plan = planSync({ text: after, before: FILE, issues, settings })
    expect(plan.ops[0]).toMatchObject({
      kind: 'rename-label',
      from: 'Fitness',
      to: 'Health',
      ifDescription: 'Fitness'
    })
    expect(plan.ops.filter(o => o.kind === 'create-label')).toEqual([])
  })

  it('closes the issue of a removed goal as not planned, and reopens it when the goal is back', () => {
    const removed = FILE.replace('[ ] read the SQLite source\n', '')
    const issues = syncedIssues(FILE)
    const plan = planSync({ text: removed, before: FILE, issues, settings })
    const gone = issueNamed(issues, 'read the SQLite source')
    expect(updates(plan.ops)).toMatchObject([
      { number: gone.number, state: 'closed', stateReason: 'not_planned' }
    ])
    expect(updates(plan.ops)[0]!.comment).toMatch(/removed/)

    gone.state = 'closed'
    gone.stateReason = 'not_planned'
    gone.marker = decodeMarker(updates(plan.ops)[0]!.body)!
    const back = planSync({ text: FILE, before: removed, issues, settings })
    expect(creates(back.ops)).toEqual([])
    expect(updates(back.ops)).toMatchObject([
      { number: gone.number, state: 'open', effect: 'reopened' }
    ])
  })

  it('keeps the lowest-numbered issue when two claim one goal and closes the other', () => {
    const issues = syncedIssues(FILE)
    const twin = { ...issueNamed(issues, 'run a half marathon'), number: 99 }
    const plan = planSync({ text: FILE, issues: [...issues, twin], settings })
    expect(updates(plan.ops)).toMatchObject([
      { number: 99, state: 'closed', stateReason: 'not_planned' }
    ])
  })

  it('tells duplicate titles apart by order', () => {
    const dup = '## A\n[ ] same\n[x] same\n'
    const issues = syncedIssues(dup)
    expect(planSync({ text: dup, issues, settings }).ops).toEqual([])
    // Deleting the first one in a push closes the first issue, not the second.
    const plan = planSync({ text: '## A\n[x] same\n', before: dup, issues, settings })
    const [kept, closed] = [
      updates(plan.ops).find(u => u.number === 2),
      updates(plan.ops).find(u => u.number === 1)
    ]
    expect(closed).toMatchObject({ state: 'closed', stateReason: 'not_planned' })
    // The second issue stays closed as done; only its recorded position changes, in the ledger
    // alone: no issue write for it.
    expect(kept).toBeUndefined()
    expect(plan.records.get(2)).toMatchObject({ title: 'same', n: 0, synced: 'closed' })
  })
})
