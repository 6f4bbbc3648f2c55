import { describe, expect, it } from 'vitest'
import { parseGoals } from '../../src/goals/parse.ts'
import type { LedgerEntry } from '../../src/sync/ledger.ts'
import { movesBetweenFiles } from '../../src/sync/moves.ts'

const entry = (file: string, category: string | null, title: string): LedgerEntry => ({
  file,
  category,
  title,
  n: 1,
  synced: 'open',
  removed: false,
  retired: false
})
const docs = (files: Record<string, string>) =>
  new Map(Object.entries(files).map(([f, t]) => [f, parseGoals(t, { categoryLevel: 2 })]))

describe('movesBetweenFiles', () => {
  it('hands an issue whose goal left its file to the file that gained that goal without an issue', () => {
    const issues = new Map([
      [1, entry('a.md', 'Home', 'Paint')],
      [2, entry('b.md', 'Work', 'Ship')]
    ])
    const moves = movesBetweenFiles(
      issues,
      docs({ 'a.md': '## Home\n', 'b.md': '## Work\n\n- [ ] Ship\n- [ ] Paint\n' })
    )
    expect([...moves]).toEqual([[1, { from: 'a.md', to: 'b.md' }]])
  })

  it('pairs nothing while the goal is still in its file, or when the other file already tracks that title', () => {
    const issues = new Map([
      [1, entry('a.md', null, 'Paint')],
      [2, entry('b.md', null, 'Paint')]
    ])
    expect(movesBetweenFiles(issues, docs({ 'a.md': '- [ ] Paint\n', 'b.md': '' })).size).toBe(0)
    expect(movesBetweenFiles(issues, docs({ 'a.md': '', 'b.md': '- [ ] Paint\n' })).size).toBe(0)
  })

  it('prefers the same category, and pairs nothing when two files could take the goal', () => {
    const issues = new Map([[1, entry('a.md', 'Home', 'Paint')]])
    const sameCategory = movesBetweenFiles(
      issues,
      docs({ 'a.md': '', 'b.md': '## Home\n\n- [ ] Paint\n', 'c.md': '## Work\n\n- [ ] Paint\n' })
    )
    expect(sameCategory.get(1)).toEqual({ from: 'a.md', to: 'b.md' })
    const ambiguous = movesBetweenFiles(
      issues,
      docs({ 'a.md': '', 'b.md': '## Work\n\n- [ ] Paint\n', 'c.md': '## Play\n\n- [ ] Paint\n' })
    )
    expect(ambiguous.size).toBe(0)
  })

  it('gives a goal two issues could claim to neither, and leaves removed or retired issues alone', () => {
    const twins = new Map([
      [1, entry('a.md', null, 'Paint')],
      [2, entry('c.md', null, 'Paint')]
    ])
    expect(
      movesBetweenFiles(twins, docs({ 'a.md': '', 'b.md': '- [ ] Paint\n', 'c.md': '' })).size
    ).toBe(0)
    const removed = new Map([[1, { ...entry('a.md', null, 'Paint'), removed: true }]])
    const retired = new Map([[1, { ...entry('a.md', null, 'Paint'), retired: true }]])
    const moved = docs({ 'a.md': '', 'b.md': '- [ ] Paint\n' })
    expect(movesBetweenFiles(removed, moved).size).toBe(0)
    expect(movesBetweenFiles(retired, moved).size).toBe(0)
  })

  it('leaves an issue of a file not in this run alone', () => {
    const issues = new Map([[1, entry('z.md', null, 'Paint')]])
    expect(movesBetweenFiles(issues, docs({ 'b.md': '- [ ] Paint\n' })).size).toBe(0)
  })
})
