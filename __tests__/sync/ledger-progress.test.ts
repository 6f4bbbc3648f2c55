// The ledger's optional "progress" section (several goals files): each file's
// card rows with the blob id they were counted from. Earlier ledgers read and
// write back unchanged; a section round-trips; a broken one is an error.
import { describe, expect, it } from 'vitest'
import { LedgerError, parseLedger, serializeLedger, withChanges } from '../../src/sync/ledger.ts'

const BLOB = 'a'.repeat(40)
const OTHER = 'b'.repeat(40)
const WITHOUT = `{
  "version": 1,
  "seq": 4,
  "blobs": {},
  "issues": {
    "3": {"file":"goals/a.md","category":"Tech","title":"learn rust","n":0,"synced":"open"}
  }
}
`
const WITH = `{
  "version": 1,
  "seq": 5,
  "blobs": {},
  "issues": {
    "3": {"file":"goals/a.md","category":"Tech","title":"learn rust","n":0,"synced":"open"}
  },
  "progress": {
    "goals/a.md": {"blob":"${BLOB}","rows":[["Tech",0,1],["(no category)",2,3]]}
  }
}
`

describe('ledger progress', () => {
  it('a ledger without the section reads with none and writes back byte for byte', () => {
    const ledger = parseLedger(WITHOUT, 'here')
    expect(ledger.progress).toBeUndefined()
    expect(serializeLedger(ledger)).toBe(WITHOUT)
  })

  it('a ledger with the section round-trips', () => {
    const ledger = parseLedger(WITH, 'here')
    expect(ledger.progress?.get('goals/a.md')).toEqual({
      blob: BLOB,
      rows: [
        { name: 'Tech', done: 0, total: 1 },
        { name: '(no category)', done: 2, total: 3 }
      ]
    })
    expect(serializeLedger(ledger)).toBe(WITH)
  })

  it('withChanges records a file’s new rows, and nothing when they are the same', () => {
    const ledger = parseLedger(WITH, 'here')
    const same = { blob: BLOB, rows: [...(ledger.progress?.get('goals/a.md')?.rows ?? [])] }
    expect(withChanges(ledger, [], [], undefined, [['goals/a.md', same]])).toBeNull()
    const next = withChanges(ledger, [], [], undefined, [
      ['goals/b.md', { blob: OTHER, rows: [{ name: 'Home', done: 1, total: 1 }] }]
    ])
    expect(next?.seq).toBe(6)
    expect([...(next?.progress?.keys() ?? [])]).toEqual(['goals/a.md', 'goals/b.md'])
    expect(ledger.progress?.size).toBe(1)
  })

  it('a broken section is an error naming it', () => {
    const bad = [
      WITH.replace(`"blob":"${BLOB}"`, '"blob":"xyz"'),
      WITH.replace('["Tech",0,1]', '["Tech",2,1]'),
      WITH.replace('["Tech",0,1]', '["Tech",0]'),
      WITH.replace(/"progress": \{[\s\S]*\n {2}\}/, '"progress": []')
    ]
    for (const text of bad) {
      expect(() => parseLedger(text, 'here')).toThrow(LedgerError)
      expect(() => parseLedger(text, 'here')).toThrow(/progress/)
    }
  })
})
