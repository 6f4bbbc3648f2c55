// Which part of a planned issue update is still needed once this run's label
// renames landed (GitHub relabels every issue carrying a renamed label).
import { describe, expect, it } from 'vitest'
import { afterRenames } from '../../src/run/apply.ts'
import type { Op } from '../../src/sync/ops.ts'

type Update = Extract<Op, { kind: 'update-issue' }>
const move: Update = {
  kind: 'update-issue',
  number: 7,
  why: 'moved to "Outdoor"',
  effect: 'updated',
  labels: ['goal', 'Outdoor'],
  labelsNow: ['Life', 'goal']
}
const renamed = new Map([['life', 'Outdoor']])

describe('afterRenames', () => {
  it('drops an update whose only change the rename made already', () => {
    expect(afterRenames(move, renamed)).toBeNull()
    expect(afterRenames({ ...move, labelsNow: ['LIFE', 'Goal'] }, renamed)).toBeNull()
  })

  it('keeps the rest of an update that changes more than labels', () => {
    const extras: Partial<Update>[] = [
      { state: 'closed' as const },
      { title: 'sail' },
      { milestone: { title: 'Outdoor' } },
      { comment: 'why' }
    ]
    for (const more of extras) {
      const kept = afterRenames({ ...move, ...more }, renamed)
      expect(kept).toEqual({
        kind: 'update-issue',
        number: 7,
        why: move.why,
        effect: 'updated',
        ...more
      })
    }
  })

  it('sends the labels when the rename did not happen or does not give exactly them', () => {
    expect(afterRenames(move, new Map())).toBe(move)
    expect(afterRenames(move, new Map([['work', 'Career']]))).toBe(move)
    const extra = { ...move, labelsNow: ['Life', 'goal', 'help wanted'] }
    expect(afterRenames(extra, renamed)).toBe(extra)
    const lost = { ...move, labelsNow: ['Life'] }
    expect(afterRenames(lost, renamed)).toBe(lost)
    const plain: Update = { ...move }
    delete plain.labelsNow
    expect(afterRenames(plain, renamed)).toBe(plain)
  })
})
