// Applying the plan's goal edits to a version of the file: found by key, the
// rest of the file untouched, counters brought up to date. Expected files are
// written out by hand.
import { describe, expect, it } from 'vitest'
import { applyGoalEdits } from '../../src/sync/file-edits.ts'
import type { Marker } from '../../src/sync/marker.ts'
import type { GoalEdit } from '../../src/sync/ops.ts'

const marker: Marker = {
  file: 'goals.md',
  category: 'A',
  title: 'x',
  n: 0,
  synced: 'open',
  removed: false
}
const edit = (key: string, change: Partial<GoalEdit>): GoalEdit => ({
  key,
  issue: 1,
  marker,
  why: 'test',
  ...change
})

const FILE = '# Goals\r\n\r\n## A [0/2]\r\n- [ ] one  \r\n- [ ] two\r\n'

describe('applyGoalEdits', () => {
  it('ticks a goal and updates its counter, keeping CRLF and trailing spaces', () => {
    const r = applyGoalEdits(FILE, [edit('["A","one",0]', { checked: true })], 2)
    expect(r.text).toBe('# Goals\r\n\r\n## A [1/2]\r\n- [x] one  \r\n- [ ] two\r\n')
    expect(r.applied.map(a => a.line)).toEqual([3])
    expect(r.missing).toEqual([])
  })
  it('retitles a goal', () => {
    const r = applyGoalEdits(FILE, [edit('["A","two",0]', { title: 'deux' })], 2)
    expect(r.text).toBe('# Goals\r\n\r\n## A [0/2]\r\n- [ ] one  \r\n- [ ] deux\r\n')
  })
  it('ticks and retitles in one edit', () => {
    const r = applyGoalEdits(FILE, [edit('["A","two",0]', { checked: true, title: 'deux' })], 2)
    expect(r.text).toBe('# Goals\r\n\r\n## A [1/2]\r\n- [ ] one  \r\n- [x] deux\r\n')
  })
  it('an edit that changes nothing still counts as applied', () => {
    const r = applyGoalEdits(FILE, [edit('["A","one",0]', { checked: false, title: 'one' })], 2)
    expect(r.text).toBe(FILE)
    expect(r.applied).toHaveLength(1)
  })
  it('an edit whose goal is gone is reported missing, the others applied', () => {
    const gone = edit('["A","three",0]', { checked: true })
    const r = applyGoalEdits(FILE, [gone, edit('["A","one",0]', { checked: true })], 2)
    expect(r.missing).toEqual([gone])
    expect(r.text).toBe('# Goals\r\n\r\n## A [1/2]\r\n- [x] one  \r\n- [ ] two\r\n')
  })
  it('adds a missing counter even with no edit, at the level given', () => {
    expect(applyGoalEdits('### B\n[x] a\n', [], 3).text).toBe('### B [1/1]\n[x] a\n')
    expect(applyGoalEdits('### B\n[x] a\n', [], 2).text).toBe('### B\n[x] a\n')
  })
  it('finds goals under the categories of the level given', () => {
    const text = '## Year\n### A\n[ ] one\n'
    const r = applyGoalEdits(text, [edit('["A","one",0]', { checked: true })], 3)
    expect(r.text).toBe('## Year\n### A [1/1]\n[x] one\n')
    expect(r.missing).toEqual([])
  })
  it('a title-only edit keeps the box as it is', () => {
    const r = applyGoalEdits('## A\n[x] one\n', [edit('["A","one",0]', { title: 'uno' })], 2)
    expect(r.text).toBe('## A [1/1]\n[x] uno\n')
  })
  it('finds goals beyond 4,096 characters by their start', () => {
    const long = 'y'.repeat(5000)
    const r = applyGoalEdits(
      `## A\n[ ] ${long}\n`,
      [edit(`["A","${'y'.repeat(4096)}",0]`, { checked: true })],
      2
    )
    expect(r.text).toBe(`## A [1/1]\n[x] ${long}\n`)
  })
})

describe('appending a goal born from an issue', () => {
  it('adds it at the end of its category before the other edits, with the key it got', () => {
    const source = '## A [0/1]\n- [ ] x\n## B\n- [ ] y\n'
    const append: GoalEdit = {
      key: 'unused',
      issue: 9,
      marker,
      why: 'issue opened',
      append: { category: 'A', title: 'x', checked: true }
    }
    const tick: GoalEdit = {
      key: JSON.stringify(['B', 'y', 0]),
      issue: 2,
      marker,
      why: 'closed',
      checked: true
    }
    const result = applyGoalEdits(source, [tick, append], 2)
    expect(result.text).toBe('## A [1/2]\n- [ ] x\n- [x] x\n## B [1/1]\n- [x] y\n')
    expect(result.applied.map(a => [a.edit.issue, a.edit.key, a.line])).toEqual([
      [9, JSON.stringify(['A', 'x', 1]), 2],
      [2, JSON.stringify(['B', 'y', 0]), 4]
    ])
    expect(result.missing).toEqual([])
  })
})
