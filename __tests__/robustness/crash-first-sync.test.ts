// SPEC §3: "No sequence of edits, re-runs, failed runs or concurrent runs may leave two
// open issues for one goal." A first sync is killed at every one of its writes in turn;
// rerunning the same push event must then end exactly where a clean run ends, and the
// failed run must not stand in the way of the next one.
import { describe, expect, it } from 'vitest'
import { parseGoals } from '../../src/goals/parse.ts'
import { SEEDLIKE } from '../integration/harness.ts'
import { FIRST_SYNC, sweep } from './crash-sweep.ts'

describe('crash sweep: the first sync killed at its k-th write, then rerun', () => {
  it('ends, after a rerun of the same push, exactly where a clean run ends, for every k', async () => {
    const { writes, expected, problems } = await sweep(FIRST_SYNC)
    const doc = parseGoals(SEEDLIKE)
    expect(expected.issues).toHaveLength(doc.total)
    expect(writes).toBeGreaterThan(doc.total)
    expect(problems).toEqual([])
  }, 180_000)
})
