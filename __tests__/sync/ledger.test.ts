// The ledger's format (readable, deterministic, strict on hand edits) and the
// ownership rule built on it: an issue is the action's only if the ledger lists it.
import { describe, expect, it } from 'vitest'
import {
  blobId,
  emptyLedger,
  LedgerError,
  parseLedger,
  serializeLedger,
  withChanges,
  type LedgerEntry
} from '../../src/sync/ledger.ts'
import { encodeMarker } from '../../src/sync/marker.ts'
import { adoptable, markedIssues, trackedIssues } from '../../src/sync/ownership.ts'
import type { ListedIssue } from '../../src/sync/tracked-issue.ts'

const entry = (title: string, more: Partial<LedgerEntry> = {}): LedgerEntry => ({
  file: 'goals.md',
  category: 'Tech',
  title,
  n: 0,
  synced: 'open',
  removed: false,
  retired: false,
  ...more
})

const TEXT = `{
  "version": 1,
  "seq": 3,
  "blobs": {
    "goals.md": "ce013625030ba8dba906f756967f9e9ca394464a"
  },
  "issues": {
    "2": {"file":"goals.md","category":"Tech","title":"learn rust","n":0,"synced":"closed"},
    "10": {"file":"goals.md","category":null,"title":"a \\"quoted\\" goal","n":1,"synced":"open","removed":true},
    "11": {"file":"goals.md","category":"Tech","title":"learn rust","n":0,"synced":"open","retired":true}
  }
}
`

describe('the ledger file', () => {
  it('reads a ledger and writes it back byte for byte, one issue per line in number order', () => {
    const ledger = parseLedger(TEXT, 'test')
    expect(ledger.seq).toBe(3)
    expect(ledger.issues.get(2)).toEqual(entry('learn rust', { synced: 'closed' }))
    expect(ledger.issues.get(10)).toEqual(
      entry('a "quoted" goal', { category: null, n: 1, removed: true })
    )
    expect(ledger.issues.get(11)?.retired).toBe(true)
    expect(serializeLedger(ledger)).toBe(TEXT)
  })

  it('an empty ledger', () => {
    expect(serializeLedger(emptyLedger())).toBe(
      '{\n  "version": 1,\n  "seq": 0,\n  "blobs": {},\n  "issues": {}\n}\n'
    )
  })

  it.each([
    ['{ "version": 1, "seq": 1, "blobs": {}, "issues": {', 'is not valid JSON'],
    ['[]', 'is not a JSON object'],
    ['{ "version": 2, "seq": 1, "blobs": {}, "issues": {} }', 'has version 2, not 1'],
    ['{ "version": 1, "seq": -1, "blobs": {}, "issues": {} }', 'has no "seq"'],
    ['{ "version": 1, "seq": 1, "issues": {} }', 'has no "blobs" object'],
    [
      '{ "version": 1, "seq": 1, "blobs": {}, "issues": { "x1": {} } }',
      'lists issue "x1", which is not an issue number'
    ],
    [
      '{ "version": 1, "seq": 1, "blobs": {}, "issues": { "4": {"file":"goals.md","category":"T","title":"t","n":0,"synced":"done"} } }',
      'has a "synced" in issue "4" that is neither "open" nor "closed"'
    ],
    [
      '{ "version": 1, "seq": 1, "blobs": {}, "issues": { "4": {"file":"goals.md","category":"T","title":"t","n":0,"synced":"open","owner":"me"} } }',
      'has an unknown key "owner" in issue "4"'
    ],
    [
      '{ "version": 1, "seq": 1, "blobs": { "goals.md": "abc" }, "issues": {} }',
      'has a blob id for "goals.md" that is not 40 hex digits'
    ],
    [
      '{ "version": 1, "seq": 1, "blobs": { "goals.md": "xce013625030ba8dba906f756967f9e9ca394464a" }, "issues": {} }',
      'has a blob id for "goals.md" that is not 40 hex digits'
    ],
    [
      '{ "version": 1, "seq": 1, "blobs": { "goals.md": 5 }, "issues": {} }',
      'has a blob id for "goals.md" that is not 40 hex digits'
    ],
    ['{ "version": 1, "seq": 1, "blobs": {} }', 'has no "issues" object'],
    ['null', 'is not a JSON object'],
    [
      '{ "version": 1, "seq": 1, "blobs": { "goals.md": "ce013625030ba8dba906f756967f9e9ca394464aa" }, "issues": {} }',
      'has a blob id for "goals.md" that is not 40 hex digits'
    ],
    ['{ "version": 1, "seq": 1.5, "blobs": {}, "issues": {} }', 'has no "seq"'],
    ['{ "version": 1, "seq": "1", "blobs": {}, "issues": {} }', 'has no "seq"'],
    ['{ "version": 1, "seq": 1, "blobs": [], "issues": {} }', 'has no "blobs" object'],
    ['{ "version": 1, "seq": 1, "blobs": {}, "issues": { "07": {} } }', 'lists issue "07"'],
    ['{ "version": 1, "seq": 1, "blobs": {}, "issues": { "7x": {} } }', 'lists issue "7x"'],
    [
      '{ "version": 1, "seq": 1, "blobs": {}, "issues": { "7": [] } }',
      'has issue "7" that is not an object'
    ],
    [
      '{ "version": 1, "seq": 1, "blobs": {}, "issues": { "7": {"file":"","category":"T","title":"t","n":0,"synced":"open"} } }',
      'has no "file" in issue "7"'
    ],
    [
      '{ "version": 1, "seq": 1, "blobs": {}, "issues": { "7": {"file":3,"category":"T","title":"t","n":0,"synced":"open"} } }',
      'has no "file" in issue "7"'
    ],
    [
      '{ "version": 1, "seq": 1, "blobs": {}, "issues": { "7": {"file":"g.md","category":3,"title":"t","n":0,"synced":"open"} } }',
      'has a "category" in issue "7" that is neither text nor null'
    ],
    [
      '{ "version": 1, "seq": 1, "blobs": {}, "issues": { "7": {"file":"g.md","category":"T","n":0,"synced":"open"} } }',
      'has no "title" in issue "7"'
    ],
    [
      '{ "version": 1, "seq": 1, "blobs": {}, "issues": { "7": {"file":"g.md","category":"T","title":"t","n":-1,"synced":"open"} } }',
      'has an "n" in issue "7" that is not a whole number'
    ],
    [
      '{ "version": 1, "seq": 1, "blobs": {}, "issues": { "7": {"file":"g.md","category":"T","title":"t","n":0,"synced":"open","retired":"yes"} } }',
      'has a "retired" in issue "7" that is not true or false'
    ]
  ])('a hand edit is an error naming the file, what is wrong and the fix: %s', (text, what) => {
    let message = ''
    try {
      parseLedger(text, '.github/goals-sync/ledger.json on "main"')
    } catch (error) {
      expect(error).toBeInstanceOf(LedgerError)
      message = (error as Error).message
    }
    expect(message).toContain('.github/goals-sync/ledger.json on "main"')
    expect(message).toContain(what)
    expect(message).toContain(
      'restore it from the history (git log -p -- .github/goals-sync/ledger.json)'
    )
    expect(message).toContain('or delete it')
  })

  it('writes issues in number order and blobs in path order, whatever order they came in', () => {
    const ledger = emptyLedger()
    ledger.seq = 7
    ledger.issues.set(100, entry('c'))
    ledger.issues.set(9, entry('b', { category: null }))
    ledger.issues.set(20, entry('a', { retired: true, removed: true }))
    ledger.blobs.set('goals.md', 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391')
    ledger.blobs.set('.github/badges/goals.svg', 'ce013625030ba8dba906f756967f9e9ca394464a')
    ledger.blobs.set('a.md', 'ce013625030ba8dba906f756967f9e9ca394464a')
    expect(serializeLedger(ledger)).toBe(`{
  "version": 1,
  "seq": 7,
  "blobs": {
    ".github/badges/goals.svg": "ce013625030ba8dba906f756967f9e9ca394464a",
    "a.md": "ce013625030ba8dba906f756967f9e9ca394464a",
    "goals.md": "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"
  },
  "issues": {
    "9": {"file":"goals.md","category":null,"title":"b","n":0,"synced":"open"},
    "20": {"file":"goals.md","category":"Tech","title":"a","n":0,"synced":"open","removed":true,"retired":true},
    "100": {"file":"goals.md","category":"Tech","title":"c","n":0,"synced":"open"}
  }
}
`)
  })

  it('blob ids are git’s (values from git hash-object)', () => {
    expect(blobId('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391')
    expect(blobId('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a')
  })

  it('changes laid over a ledger move seq on; no change gives null', () => {
    const base = parseLedger(TEXT, 'test')
    expect(withChanges(base, [[2, entry('learn rust', { synced: 'closed' })]])).toBeNull()
    const next = withChanges(base, [[2, entry('learn rust')]])!
    expect(next.seq).toBe(4)
    expect(next.issues.get(2)?.synced).toBe('open')
    expect(base.issues.get(2)?.synced).toBe('closed')
    const blobbed = withChanges(
      base,
      [],
      [['goals.md', 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391']]
    )
    expect(blobbed?.seq).toBe(4)
    expect(blobbed?.blobs.get('goals.md')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391')
    expect(
      withChanges(base, [], [['goals.md', 'ce013625030ba8dba906f756967f9e9ca394464a']])
    ).toBeNull()
  })

  it('any one field of a record that differs is a change; a new issue is one too', () => {
    const base = parseLedger(TEXT, 'test')
    const same = entry('learn rust', { synced: 'closed' })
    const changes: Partial<LedgerEntry>[] = [
      { file: 'other.md' },
      { category: 'Life' },
      { title: 'learn go' },
      { n: 1 },
      { synced: 'open' },
      { removed: true },
      { retired: true }
    ]
    for (const change of changes)
      expect(withChanges(base, [[2, { ...same, ...change }]])?.issues.get(2)).toEqual({
        ...same,
        ...change
      })
    expect(withChanges(base, [[3, same]])?.issues.get(3)).toEqual(same)
  })
})

const listed = (number: number, body: string, author = 'github-actions[bot]'): ListedIssue => ({
  number,
  title: `issue ${number}`,
  state: 'open',
  stateReason: null,
  labels: ['goal'],
  body,
  author,
  htmlUrl: `https://example.test/o/r/issues/${number}`,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z'
})

const marker = (title: string, nonce?: string) =>
  encodeMarker({
    file: 'goals.md',
    category: 'Tech',
    title,
    n: 0,
    synced: 'open',
    removed: false,
    ...(nonce ? { nonce } : {})
  })

describe('ownership', () => {
  const ledger = parseLedger(TEXT, 'test')

  it('only the ledger’s issues are tracked, whatever their body says; retired ones are not', () => {
    const issues = [
      listed(2, 'no marker at all', 'someone'),
      listed(3, marker('learn rust')),
      listed(11, marker('learn rust'))
    ]
    const tracked = trackedIssues(issues, ledger, 'goals.md')
    expect(tracked.map(i => i.number)).toEqual([2])
    // The record comes from the ledger, not from the body.
    expect(tracked[0]!.marker).toEqual({
      file: 'goals.md',
      category: 'Tech',
      title: 'learn rust',
      n: 0,
      synced: 'closed',
      removed: false
    })
    expect(trackedIssues(issues, ledger, 'other.md')).toEqual([])
  })

  it('adopts only issues with a pending nonce whose goal is in the file with no ledger issue', () => {
    const issues = [
      listed(20, marker('learn go', 'aaaa1111aaaa1111')),
      listed(21, marker('learn zig', 'bbbb2222bbbb2222')),
      listed(22, marker('learn c', 'aaaa1111aaaa1111')),
      listed(23, marker('learn rust', 'aaaa1111aaaa1111')),
      listed(24, marker('learn ada')),
      listed(25, marker('learn go', 'aaaa1111aaaa1111').replace('"goals.md"', '"other.md"'))
    ]
    const keys = new Set(
      ['learn go', 'learn zig', 'learn rust', 'learn ada'].map(t => JSON.stringify(['Tech', t, 0]))
    )
    const tracked = trackedIssues(issues.concat(listed(2, '')), ledger, 'goals.md')
    const found = adoptable(
      markedIssues(issues, ledger, 'goals.md'),
      new Set(['aaaa1111aaaa1111']),
      keys,
      tracked
    )
    // 21: another nonce; 22: goal not in the file; 23: its goal has #2 already; 24: no nonce;
    // 25: a marker for another goals file.
    expect(markedIssues(issues, ledger, 'goals.md').map(m => m.issue.number)).toEqual([
      20, 21, 22, 23, 24
    ])
    expect(found.map(m => m.issue.number)).toEqual([20])
    // An issue the ledger lists is never a candidate, whatever its body carries.
    const listedToo = issues.concat(listed(2, marker('learn go', 'aaaa1111aaaa1111')))
    expect(markedIssues(listedToo, ledger, 'goals.md').map(m => m.issue.number)).toEqual([
      20, 21, 22, 23, 24
    ])
    expect(found[0]!.entry).toEqual(entry('learn go'))
  })
})
