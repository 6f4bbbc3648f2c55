// The crash sweep on a later push that does every kind of edit at once (tick, untick,
// retitle, move, category rename, removal, additions): killed at each of its writes,
// then rerun, it must end exactly where a clean run ends.
import { describe, expect, it } from 'vitest'
import { LATER_PUSH, sweep } from './crash-sweep.ts'

describe('crash sweep: a later push of every kind of edit killed at its k-th write, then rerun', () => {
  it('ends, after a rerun of the same push, exactly where a clean run ends, for every k', async () => {
    const { writes, expected, problems } = await sweep(LATER_PUSH)
    // The clean run did what the push asks (the scenario means something).
    const titles = expected.issues.map(i => i.title)
    expect(titles).toContain('negotiate a 32-hour week')
    expect(titles).toContain('learn the cello')
    expect(titles).toContain('climb a via ferrata')
    expect(expected.labels).toContain('Outdoor Goals')
    const sail = expected.issues.find(i => i.title === 'learn to sail')!
    expect(sail).toMatchObject({ state: 'closed', reason: 'not_planned' })
    expect(sail.comments).toHaveLength(1)
    expect(writes).toBeGreaterThan(8)
    expect(problems).toEqual([])
  }, 180_000)
})
