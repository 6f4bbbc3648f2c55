// The ledger's optional "milestones" section (`milestones: true`): a ledger of
// an earlier version (without it) still reads and writes back unchanged; one
// with it round-trips; hand-edit mistakes in it are errors naming the fix.
import { describe, expect, it } from 'vitest'
import {
  LedgerError,
  parseLedger,
  serializeLedger,
  withChanges,
  type Ledger
} from '../../src/sync/ledger.ts'

const WITHOUT = `{
  "version": 1,
  "seq": 4,
  "blobs": {},
  "issues": {
    "3": {"file":"goals.md","category":"Tech","title":"learn rust","n":0,"synced":"open"}
  }
}
`

const WITH = `{
  "version": 1,
  "seq": 5,
  "blobs": {},
  "issues": {
    "3": {"file":"goals.md","category":"Tech","title":"learn rust","n":0,"synced":"open"}
  },
  "milestones": {
    "2": "Tech",
    "12": "Life \\"Goals\\""
  }
}
`

const withMilestones = (text: string) => parseLedger(text, 'in the test')

describe('ledger milestones', () => {
  it('a ledger without the section (an earlier version) reads, with no milestones, and writes back byte for byte', () => {
    const ledger = withMilestones(WITHOUT)
    expect(ledger.milestones).toBeUndefined()
    expect(ledger.issues.size).toBe(1)
    expect(serializeLedger(ledger)).toBe(WITHOUT)
  })

  it('a ledger with the section reads as number → category and writes back in number order', () => {
    const ledger = withMilestones(WITH)
    expect([...ledger.milestones!]).toEqual([
      [2, 'Tech'],
      [12, 'Life "Goals"']
    ])
    expect(serializeLedger(ledger)).toBe(WITH)
    const shuffled: Ledger = {
      ...ledger,
      milestones: new Map([
        [12, 'Life "Goals"'],
        [2, 'Tech']
      ])
    }
    expect(serializeLedger(shuffled)).toBe(WITH)
  })

  it('an empty section is left out when written', () => {
    const ledger: Ledger = { ...withMilestones(WITH), seq: 4, milestones: new Map() }
    expect(serializeLedger(ledger)).toBe(WITHOUT)
  })

  it.each([
    ['"milestones": []', 'has a "milestones" that is not an object'],
    ['"milestones": {"x": "Tech"}', 'lists milestone "x", which is not a milestone number'],
    ['"milestones": {"01": "Tech"}', 'lists milestone "01", which is not a milestone number'],
    ['"milestones": {"2": ""}', 'has no category (text) for milestone "2" in "milestones"'],
    ['"milestones": {"2": 7}', 'has no category (text) for milestone "2" in "milestones"']
  ])('refuses %s, naming the place and the fix', (section, message) => {
    const text = WITHOUT.replace('\n  }\n}', `\n  },\n  ${section}\n}`)
    expect(() => withMilestones(text)).toThrow(LedgerError)
    expect(() => withMilestones(text)).toThrow(
      `The goals-sync ledger in the test ${message}; restore it from the history`
    )
  })

  it('withChanges takes the whole set of milestones: a change is one seq on, the same set no change', () => {
    const base = withMilestones(WITH)
    expect(
      withChanges(
        base,
        [],
        [],
        new Map([
          [2, 'Tech'],
          [12, 'Life "Goals"']
        ])
      )
    ).toBeNull()
    const next = withChanges(base, [], [], new Map([[2, 'Tech']]))!
    expect(next.seq).toBe(6)
    expect([...next.milestones!]).toEqual([[2, 'Tech']])
    // The same numbers with another category is a change too.
    expect(
      withChanges(
        base,
        [],
        [],
        new Map([
          [2, 'Tech'],
          [12, 'Life']
        ])
      )!.seq
    ).toBe(6)
    // Without a set, the ledger's own is kept.
    const kept = withChanges(base, [], [['goals.md', 'a'.repeat(40)]])!
    expect([...kept.milestones!]).toEqual([
      [2, 'Tech'],
      [12, 'Life "Goals"']
    ])
    // A ledger of an earlier version gets the section once there is something to record.
    const old = withMilestones(WITHOUT)
    expect(withChanges(old, [], [], new Map())).toBeNull()
    expect(serializeLedger(withChanges(old, [], [], new Map([[2, 'Tech']]))!)).toContain(
      '"milestones": {\n    "2": "Tech"\n  }\n}'
    )
  })
})
