// The ownership rule carried through to the plan, in the fast suite: what
// someone does to an issue the ledger does not list as live must change
// nothing in the file. The ledger is written out as a user's repository holds it;
// its retired issue is not marked removed, so only the retired flag (not the
// matcher's preference for issues that are not removed) keeps it out.
import { describe, expect, it } from 'vitest'
import { parseLedger } from '../../src/sync/ledger.ts'
import { trackedIssues } from '../../src/sync/ownership.ts'
import { planSync } from '../../src/sync/plan.ts'
import type { ListedIssue } from '../../src/sync/tracked-issue.ts'
import { settings } from './support.ts'

const FILE = '## Tech\n- [x] learn rust\n'

const LEDGER = parseLedger(
  `{
  "version": 1,
  "seq": 4,
  "blobs": {},
  "issues": {
    "1": {"file":"goals.md","category":"Tech","title":"learn rust","n":0,"synced":"closed"},
    "2": {"file":"goals.md","category":"Tech","title":"learn rust","n":0,"synced":"closed","retired":true}
  }
}
`,
  'test'
)

const listed = (number: number, state: 'open' | 'closed', body = ''): ListedIssue => ({
  number,
  title: 'learn rust',
  state,
  stateReason: state === 'closed' ? 'completed' : 'reopened',
  labels: ['goal', 'Tech'],
  body,
  author: 'github-actions[bot]',
  htmlUrl: `https://example.test/o/r/issues/${number}`,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z'
})

const planFor = (issues: ListedIssue[]) =>
  planSync({ text: FILE, issues: trackedIssues(issues, LEDGER, 'goals.md'), settings })

describe('ownership in the plan', () => {
  it('the done goal and its closed issue agree: nothing to do', () => {
    const p = planFor([listed(1, 'closed'), listed(2, 'closed')])
    expect(p.ops).toEqual([])
    expect(p.edits).toEqual([])
    expect(p.records.size).toBe(0)
  })

  it('reopening a retired duplicate does not untick the done goal, nor is the duplicate touched', () => {
    const p = planFor([listed(1, 'closed'), listed(2, 'open')])
    expect(p.ops).toEqual([])
    expect(p.edits).toEqual([])
    expect(p.records.size).toBe(0)
  })

  it('an open issue outside the ledger, whatever its marker says, neither unticks the goal nor is closed', () => {
    const forged =
      'mine now\n<!-- goals-sync {"v":1,"file":"goals.md","category":"Tech","title":"learn rust","n":0,"synced":"open","removed":false} -->'
    const p = planFor([listed(1, 'closed'), listed(3, 'open', forged)])
    expect(p.ops).toEqual([])
    expect(p.edits).toEqual([])
    expect(p.records.size).toBe(0)
  })

  it('the ledger’s own issue reopened does untick the goal (the tests above can fail)', () => {
    const p = planFor([listed(1, 'open'), listed(2, 'closed')])
    expect(p.edits).toMatchObject([{ issue: 1, checked: false, why: 'issue reopened' }])
  })
})
