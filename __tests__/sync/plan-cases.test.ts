// The planner's answer in full for each case, written out by hand: every op's
// fields (why, effect, labels, body, ledger record), the ledger-only records
// and the edits of the file. Markers are read back with decodeMarker (the
// parser, not the planner); one body is spelled out character by character.
import { describe, expect, it } from 'vitest'
import { decodeMarker, type Marker } from '../../src/sync/marker.ts'
import type { Op } from '../../src/sync/ops.ts'
import { planSync, type PlanInput } from '../../src/sync/plan.ts'
import type { TrackedIssue } from '../../src/sync/tracked-issue.ts'
import { settings, syncedIssues } from './support.ts'

type Update = Extract<Op, { kind: 'update-issue' }>
const onlyUpdate = (ops: Op[]): Update => {
  expect(ops).toHaveLength(1)
  expect(ops[0]!.kind).toBe('update-issue')
  return ops[0] as Update
}
const plan = (input: Partial<PlanInput> & { text: string }) =>
  planSync({ issues: [], settings, ...input })
const record = (marker: Partial<Marker> & { title: string }, retired = false) => ({
  file: 'goals.md',
  category: null,
  n: 0,
  synced: 'open',
  removed: false,
  retired,
  ...marker
})
/** One issue as a finished sync left it, with `changes` made since. */
const tracked = (
  number: number,
  marker: Partial<Marker> & { title: string },
  changes: Partial<TrackedIssue> = {}
): TrackedIssue => {
  const m: Marker = {
    file: 'goals.md',
    category: null,
    n: 0,
    synced: 'open',
    removed: false,
    ...marker
  }
  return {
    number,
    title: m.title,
    state: m.synced,
    stateReason: m.synced === 'closed' ? 'completed' : null,
    labels: ['goal', ...(m.category ? [m.category] : [])],
    body: 'synced earlier',
    marker: m,
    htmlUrl: `https://example.test/o/r/issues/${number}`,
    updatedAt: '2026-01-01T00:00:00Z',
    ...changes
  }
}

describe('planSync: new goals', () => {
  it('a new ticked goal: the whole create op, its body character by character, and the nonce', () => {
    const p = plan({
      text: '# Goals\n\n## Fitness\n\n- [x] run\n',
      settings: { ...settings, nonce: 'n0nce', assignees: ['ann'] }
    })
    const body = (synced: string) =>
      'Goal in **Fitness** of [`goals.md`](https://example.test/o/r/blob/main/goals.md).\n\n' +
      '_Kept in step by goals-sync: close this issue or tick the box in the file, and the other follows._\n\n' +
      `<!-- goals-sync {"v":1,"file":"goals.md","category":"Fitness","title":"run","n":0,"synced":"${synced}","removed":false,"nonce":"n0nce"} -->`
    expect(p.ops).toEqual([
      { kind: 'create-label', name: 'goal', color: '123456', description: 'common' },
      { kind: 'create-label', name: 'Fitness', color: '123456', description: 'Fitness' },
      {
        kind: 'create-issue',
        goal: '["Fitness","run",0]',
        line: 5,
        title: 'run',
        body: body('open'),
        record: record({ category: 'Fitness', title: 'run' }),
        labels: ['goal', 'Fitness'],
        assignees: ['ann'],
        close: { body: body('closed') }
      }
    ])
    expect(p.edits).toEqual([])
    expect(p.records.size).toBe(0)
  })

  it('without a nonce the marker carries none; an unticked goal is not closed', () => {
    const p = plan({ text: '- [ ] stretch\n' })
    const create = p.ops.find(o => o.kind === 'create-issue')!
    expect(create).toMatchObject({ line: 1, labels: ['goal'], close: null })
    expect(decodeMarker((create as { body: string }).body)).toEqual({
      file: 'goals.md',
      category: null,
      title: 'stretch',
      n: 0,
      synced: 'open',
      removed: false
    })
  })

  it('labels that issues already carry, in any case, are not created again', () => {
    const issues = [
      tracked(1, { category: 'Fitness', title: 'run' }, { labels: ['GOAL', 'fitness'] })
    ]
    const p = plan({ text: '## Fitness\n- [ ] run\n- [ ] swim\n', issues })
    expect(p.ops.map(o => o.kind)).toEqual(['create-issue'])
  })

  it('a category named like the common label is one label', () => {
    const p = plan({ text: '## Goal\n- [ ] one\n' })
    expect(p.ops.filter(o => o.kind === 'create-label')).toEqual([
      { kind: 'create-label', name: 'goal', color: '123456', description: 'common' }
    ])
    expect(p.ops.find(o => o.kind === 'create-issue')).toMatchObject({ labels: ['goal'] })
  })

  it('a long category gets a cut label (sha256 from sha256sum) styled by its full name', () => {
    const name = 'A category name far longer than any label may be, sixty chars'
    const p = plan({ text: `## ${name}\n- [ ] one\n` })
    expect(p.ops.filter(o => o.kind === 'create-label')[1]).toEqual({
      kind: 'create-label',
      name: 'A category name far longer than any label… 1b3a3a',
      color: '123456',
      description: name
    })
  })

  it('honours the category level, now and before the push', () => {
    const text = '# Year\n## Spring\n### Garden\n- [x] dig\n'
    const level3 = { ...settings, categoryLevel: 3 }
    const issues = [tracked(4, { category: 'Garden', title: 'dig', synced: 'closed' })]
    expect(plan({ text, issues, settings: level3 }).ops).toEqual([])
    // The push ticked nothing: the closed issue and the ticked box agree, so nothing is written.
    const p = plan({ text, before: text.replace('[x]', '[ ]'), issues, settings: level3 })
    expect(p.ops).toEqual([])
    expect(p.edits).toEqual([])
  })

  it('reads the file before the push at the category level too, to pair an edited goal', () => {
    const head = '# Year\n## Spring\n### Garden\n'
    const p = plan({
      text: `${head}- [ ] plant tomatoes\n`,
      before: `${head}- [ ] dig\n`,
      issues: [tracked(4, { category: 'Garden', title: 'dig' }, { labels: ['goal', 'Garden'] })],
      settings: { ...settings, categoryLevel: 3 }
    })
    expect(p.ops).toMatchObject([{ kind: 'update-issue', number: 4, title: 'plant tomatoes' }])
  })

  it('reports the file’s warnings with path and line', () => {
    const p = plan({ text: '## A\n- [ ] same\n- [ ] same\n' })
    expect(p.warnings).toEqual(['goals.md:3: duplicate goal "same" in "A": told apart by order'])
  })
})

describe('planSync: the box', () => {
  it('agreement writes nothing, not even a ledger record', () => {
    const text = '## Reading\n- [x] one\n- [ ] two\n'
    const p = plan({ text, issues: syncedIssues(text) })
    expect(p).toMatchObject({ ops: [], edits: [], warnings: [] })
    expect(p.records.size).toBe(0)
  })

  it('a box the push ticked wins even where the ledger makes the issue look newer', () => {
    // Synced closed, then the issue was reopened and the box unticked; this push ticks it again.
    const issues = [
      tracked(5, { title: 'one', synced: 'closed' }, { state: 'open', stateReason: 'reopened' })
    ]
    const p = plan({ text: '- [x] one\n', before: '- [ ] one\n', issues })
    expect(onlyUpdate(p.ops)).toMatchObject({
      number: 5,
      why: 'ticked in the file',
      effect: 'closed',
      state: 'closed',
      stateReason: 'completed'
    })
  })

  it('a push that leaves a box alone does not decide it: the issue closed since wins', () => {
    const issues = [tracked(5, { title: 'one' }, { state: 'closed', stateReason: 'completed' })]
    const p = plan({ text: '- [ ] one\n- [ ] two\n', before: '- [ ] one\n', issues })
    expect(p.ops.map(o => o.kind)).toEqual(['create-issue'])
    expect(p.edits).toEqual([
      {
        key: '[null,"one",0]',
        issue: 5,
        marker: issues[0]!.marker,
        checked: true,
        why: 'issue closed'
      }
    ])
  })

  it('an issue reopened since the last sync unticks the box', () => {
    const issues = [
      tracked(6, { title: 'one', synced: 'closed' }, { state: 'open', stateReason: 'reopened' })
    ]
    const p = plan({ text: '- [x] one\n', issues })
    expect(p.ops).toEqual([])
    expect(p.edits).toEqual([
      {
        key: '[null,"one",0]',
        issue: 6,
        marker: issues[0]!.marker,
        checked: false,
        why: 'issue reopened'
      }
    ])
  })

  it('a box unticked since the last sync reopens the issue, and the ledger records it', () => {
    const issues = [tracked(7, { title: 'one', synced: 'closed' })]
    const update = onlyUpdate(plan({ text: '- [ ] one\n', issues }).ops)
    expect({ ...update, body: undefined }).toEqual({
      kind: 'update-issue',
      number: 7,
      why: 'unticked in the file',
      effect: 'reopened',
      state: 'open',
      body: undefined,
      record: record({ title: 'one' })
    })
    expect(decodeMarker(update.body)).toEqual({ ...issues[0]!.marker, synced: 'open' })
  })

  it('both sides changed the same way since the last sync: only the ledger learns it', () => {
    const issues = [tracked(5, { title: 'one' }, { state: 'closed', stateReason: 'completed' })]
    const p = plan({ text: '- [x] one\n', issues })
    expect(p.ops).toEqual([])
    expect(p.edits).toEqual([])
    expect([...p.records]).toEqual([[5, record({ title: 'one', synced: 'closed' })]])
  })

  it('several reasons are joined with commas', () => {
    const issues = [tracked(8, { category: 'A', title: 'one' })]
    const update = onlyUpdate(plan({ text: '## B\n- [x] one!\n', issues }).ops.slice(1))
    expect(update).toMatchObject({
      why: 'ticked in the file, goal text edited, moved to "B"',
      title: 'one!',
      labels: ['goal', 'B'],
      record: record({ category: 'B', title: 'one!', synced: 'closed' })
    })
  })
})

describe('planSync: a goal that comes back', () => {
  const gone = (changes: Partial<TrackedIssue>, synced: 'open' | 'closed' = 'open') =>
    tracked(9, { category: 'A', title: 'one', removed: true, synced }, changes)
  const closedNotPlanned = { state: 'closed', stateReason: 'not_planned' } as const

  it('unticked: the issue closed as not planned reopens', () => {
    const update = onlyUpdate(
      plan({ text: '## A\n- [ ] one\n', issues: [gone(closedNotPlanned)] }).ops
    )
    expect(update).toMatchObject({
      why: 'goal is back in the file',
      effect: 'reopened',
      state: 'open',
      record: record({ category: 'A', title: 'one' })
    })
  })

  it('ticked: the issue closed as not planned is closed again as completed', () => {
    const p = plan({ text: '## A\n- [x] one\n', issues: [gone(closedNotPlanned)] })
    expect(onlyUpdate(p.ops)).toMatchObject({
      why: 'goal is back, ticked',
      effect: 'closed',
      state: 'closed',
      stateReason: 'completed',
      record: record({ category: 'A', title: 'one', synced: 'closed' })
    })
  })

  it('ticked, its issue already closed as completed: only the ledger changes', () => {
    const p = plan({
      text: '## A\n- [x] one\n',
      issues: [gone({ state: 'closed', stateReason: 'completed' }, 'closed')]
    })
    expect(p.ops).toEqual([])
    expect([...p.records]).toEqual([[9, record({ category: 'A', title: 'one', synced: 'closed' })]])
  })

  it('its issue reopened by hand: no state write; the reason rides along with a label change', () => {
    const p = plan({ text: '## B\n- [ ] one\n', issues: [gone({ labels: ['goal', 'A'] })] })
    expect(onlyUpdate(p.ops.filter(o => o.kind === 'update-issue'))).toMatchObject({
      why: 'goal is back in the file, moved to "B"',
      effect: 'updated',
      labels: ['goal', 'B']
    })
  })
})

describe('planSync: titles', () => {
  const retitled = (title: string) => [tracked(3, { title: 'learn rust' }, { title })]

  it('only the issue retitled: the file takes its title', () => {
    const issues = retitled('learn rust well')
    const p = plan({ text: '- [ ] learn rust\n', issues })
    expect(p.ops).toEqual([])
    expect(p.edits).toEqual([
      {
        key: '[null,"learn rust",0]',
        issue: 3,
        marker: issues[0]!.marker,
        title: 'learn rust well',
        why: 'issue retitled'
      }
    ])
  })

  it('a blank issue title is not taken, nor one the goal already has', () => {
    expect(plan({ text: '- [ ] learn rust\n', issues: retitled('  ') })).toMatchObject({
      ops: [],
      edits: []
    })
    const p = plan({
      text: '- [ ] learn rust now\n',
      issues: retitled('learn rust now'),
      settings: { ...settings, conflict: 'issues' }
    })
    expect(p.ops).toEqual([])
    expect(p.edits).toEqual([])
  })

  it('both retitled: the file wins unless conflict is issues', () => {
    const issues = retitled('learn rust from a book')
    const fileWins = plan({ text: '- [ ] learn rust from code\n', issues })
    expect(fileWins.edits).toEqual([])
    expect(onlyUpdate(fileWins.ops)).toMatchObject({
      why: 'goal text edited',
      title: 'learn rust from code',
      record: record({ title: 'learn rust from code' })
    })
    const issueWins = plan({
      text: '- [ ] learn rust from code\n',
      issues,
      settings: { ...settings, conflict: 'issues' }
    })
    expect(issueWins.ops).toEqual([])
    expect(issueWins.edits).toMatchObject([{ issue: 3, title: 'learn rust from a book' }])
  })

  it('conflict file, or titles not synced: the issue gets the file’s title back, the ledger unchanged', () => {
    for (const s of [{ conflict: 'file' as const }, { syncTitles: false }]) {
      const p = plan({
        text: '- [ ] learn rust\n',
        issues: retitled('learn rust!!'),
        settings: { ...settings, ...s }
      })
      expect(p.edits).toEqual([])
      expect(p.ops).toEqual([
        {
          kind: 'update-issue',
          number: 3,
          why: 'goal text edited',
          effect: 'updated',
          title: 'learn rust'
        }
      ])
      expect(p.records.size).toBe(0)
    }
  })

  it('a title already right on the issue: only the ledger learns the new one', () => {
    const p = plan({
      text: '- [ ] learn rust now\n',
      issues: retitled('learn rust now')
    })
    expect(p.ops).toEqual([])
    expect([...p.records]).toEqual([[3, record({ title: 'learn rust now' })]])
  })
})

describe('planSync: labels and the ledger', () => {
  it('moves keep other labels; moving out of any category says so', () => {
    const issues = [
      tracked(1, { category: 'A', title: 'one' }, { labels: ['urgent', 'A', 'goal'] }),
      tracked(2, { category: 'A', title: 'two' })
    ]
    const p = plan({ text: '- [ ] one\n## A\n- [ ] two\n', issues })
    expect(onlyUpdate(p.ops)).toMatchObject({
      number: 1,
      why: 'moved to no category',
      labels: ['goal', 'urgent'],
      record: record({ title: 'one' })
    })
  })

  it('missing or doubled labels are restored without a ledger change', () => {
    for (const labels of [['A'], ['a'], ['goal', 'A', 'GOAL']]) {
      const p = plan({
        text: '## A\n- [ ] one\n',
        issues: [tracked(1, { category: 'A', title: 'one' }, { labels })]
      })
      expect(p.ops).toEqual([
        {
          kind: 'update-issue',
          number: 1,
          why: 'labels restored',
          effect: 'updated',
          labels: ['goal', 'A']
        }
      ])
      expect(p.records.size).toBe(0)
    }
  })

  it('a goal moved to a category whose label its issue has in another case gets it once', () => {
    const issues = [
      tracked(1, { category: 'A', title: 'one' }, { labels: ['goal', 'A', 'b'] }),
      tracked(2, { category: 'A', title: 'two' })
    ]
    const p = plan({ text: '## A\n- [ ] two\n## B\n- [ ] one\n', issues })
    expect(onlyUpdate(p.ops)).toMatchObject({ number: 1, labels: ['goal', 'B'] })
  })

  it('labels in another case are the same labels', () => {
    const issues = [tracked(1, { category: 'A', title: 'one' }, { labels: ['a', 'Goal'] })]
    expect(plan({ text: '## A\n- [ ] one\n', issues }).ops).toEqual([])
  })

  it('the ledger learns a new file path, position or removal without an issue write', () => {
    const issues = [
      tracked(1, { title: 'one', file: 'old.md' }),
      tracked(2, { title: 'two', n: 1 }),
      tracked(3, { title: 'three', removed: true })
    ]
    const p = plan({ text: '- [ ] one\n- [ ] two\n- [ ] three\n', issues })
    expect(p.ops).toEqual([])
    expect([...p.records]).toEqual([
      [1, record({ title: 'one' })],
      [2, record({ title: 'two' })],
      [3, record({ title: 'three' })]
    ])
  })
})

describe('planSync: removed goals and duplicates', () => {
  it('an open orphan is closed as not planned; a closed one only changes the ledger; a removed one nothing', () => {
    const issues = [
      tracked(1, { title: 'kept' }),
      tracked(2, { title: 'gone open' }),
      tracked(3, { title: 'gone closed', synced: 'closed' }),
      tracked(
        4,
        { title: 'gone before', removed: true },
        { state: 'closed', stateReason: 'not_planned' }
      )
    ]
    const p = plan({ text: '- [ ] kept\n', issues })
    const update = onlyUpdate(p.ops)
    expect({ ...update, body: undefined }).toEqual({
      kind: 'update-issue',
      number: 2,
      why: 'goal removed from the file',
      effect: 'closed',
      state: 'closed',
      stateReason: 'not_planned',
      body: undefined,
      record: record({ title: 'gone open', removed: true }),
      comment:
        'This goal was removed from `goals.md`, so this issue is closed as not planned. Put the goal back and the issue reopens.'
    })
    expect(decodeMarker(update.body)?.removed).toBe(true)
    expect([...p.records]).toEqual([
      [3, record({ title: 'gone closed', synced: 'closed', removed: true })]
    ])
  })

  it('an open duplicate is retired with a pointer to the issue kept; a closed one only in the ledger', () => {
    const issues = [
      tracked(1, { category: 'A', title: 'one' }),
      tracked(2, { category: 'A', title: 'one' }),
      tracked(3, { category: 'A', title: 'one', synced: 'closed' }),
      tracked(
        4,
        { category: 'A', title: 'one', removed: true },
        { state: 'closed', stateReason: 'not_planned' }
      )
    ]
    const p = plan({ text: '## A\n- [ ] one\n', issues })
    const update = onlyUpdate(p.ops)
    expect({ ...update, body: undefined }).toEqual({
      kind: 'update-issue',
      number: 2,
      why: 'duplicate issue for one goal',
      effect: 'closed',
      state: 'closed',
      stateReason: 'not_planned',
      body: undefined,
      record: record({ category: 'A', title: 'one', removed: true }, true),
      comment: 'This issue duplicates #1 for the same goal, so it is closed; #1 carries on.'
    })
    expect([...p.records]).toEqual([
      [3, record({ category: 'A', title: 'one', synced: 'closed', removed: true }, true)]
    ])
  })

  it('the issue kept is the one with the duplicate’s category, title and position', () => {
    const cases: [string, TrackedIssue[], number][] = [
      ['## A\n- [ ] one\n## B\n- [ ] one\n', [tracked(1, { category: 'A', title: 'one' })], 2],
      ['## B\n- [ ] one\n- [ ] one\n', [tracked(1, { category: 'B', title: 'one', n: 1 })], 2],
      ['## B\n- [ ] zero\n- [ ] one\n', [tracked(1, { category: 'B', title: 'zero' })], 2]
    ]
    for (const [text, first, keep] of cases) {
      const issues = [
        ...first,
        tracked(2, { category: 'B', title: 'one' }),
        tracked(3, { category: 'B', title: 'one' })
      ]
      const p = plan({ text, issues })
      expect(onlyUpdate(p.ops.filter(o => o.kind === 'update-issue'))).toMatchObject({
        number: 3,
        comment: `This issue duplicates #${keep} for the same goal, so it is closed; #${keep} carries on.`
      })
    }
  })

  it('the issue kept for a later occurrence is that occurrence’s, not the first one’s', () => {
    const issues = [
      tracked(1, { category: 'B', title: 'one' }),
      tracked(2, { category: 'B', title: 'one', n: 1 }),
      tracked(3, { category: 'B', title: 'one', n: 1 })
    ]
    const p = plan({ text: '## B\n- [ ] one\n- [ ] one\n', issues })
    expect(onlyUpdate(p.ops)).toMatchObject({
      number: 3,
      comment: 'This issue duplicates #2 for the same goal, so it is closed; #2 carries on.'
    })
  })

  it('a duplicate of a goal no longer in the file gets no pointer', () => {
    const issues = [tracked(1, { title: 'gone' }), tracked(2, { title: 'gone' })]
    const p = plan({ text: '- [ ] other\n', issues })
    const dup = p.ops.find(o => o.kind === 'update-issue' && o.number === 2) as Update
    expect(dup.why).toBe('duplicate issue for one goal')
    expect(dup.comment).toBeUndefined()
  })
})

describe('planSync: renamed categories', () => {
  const two = '## A\n- [ ] one\n- [ ] two\n'
  const kinds = (p: { ops: Op[] }) =>
    p.ops.map(o => (o.kind === 'update-issue' ? o.number : o.kind))
  const renameOf = (text: string, issues = syncedIssues(two)) =>
    plan({ text, issues }).ops.filter(o => o.kind === 'rename-label')

  it('a rename renames the label first, then swaps it on the issues (a no-op once renamed)', () => {
    const p = plan({ text: '## B\n- [ ] one\n- [ ] two\n', issues: syncedIssues(two) })
    expect(kinds(p)).toEqual(['rename-label', 1, 2])
    expect(p.ops.slice(0, 1)).toEqual([
      {
        kind: 'rename-label',
        from: 'A',
        to: 'B',
        ifDescription: 'A',
        color: '123456',
        description: 'B'
      }
    ])
  })

  it('a change of case only renames nothing: labels ignore case', () => {
    const p = plan({ text: '## a\n- [ ] one\n- [ ] two\n', issues: syncedIssues(two) })
    expect(p.ops).toEqual([])
    expect([...p.records.keys()]).toEqual([1, 2])
  })

  it('no rename when the goals split, when the old name stays in use, or when they leave every category', () => {
    expect(renameOf('## B\n- [ ] one\n## C\n- [ ] two\n')).toEqual([])
    expect(renameOf('## B\n- [ ] one\n- [ ] two\n## A\n- [ ] three\n')).toEqual([])
    expect(renameOf('- [ ] one\n- [ ] two\n')).toEqual([])
  })

  it('a goal moved to a new category, its old one still in use, brings the new label', () => {
    const p = plan({ text: '## A\n- [ ] one\n## B\n- [ ] two\n', issues: syncedIssues(two) })
    expect(kinds(p)).toEqual(['create-label', 2])
    expect(p.ops[0]).toEqual({ kind: 'create-label', name: 'B', color: '123456', description: 'B' })
  })

  it('new goals in the new category do not stop a rename', () => {
    const p = plan({ text: '## B\n- [ ] fresh\n- [ ] one\n- [ ] two\n', issues: syncedIssues(two) })
    expect(kinds(p)).toEqual(['rename-label', 1, 2, 'create-issue'])
  })

  it('goals moved into a category that already has issues move one by one', () => {
    const issues = syncedIssues(two).concat(syncedIssues('## B\n- [ ] zero\n', 3))
    const p = plan({ text: '## B\n- [ ] zero\n- [ ] one\n- [ ] two\n', issues })
    expect(kinds(p)).toEqual([1, 2])
  })

  it('two categories moved into one new category: one is renamed, the other’s issues move', () => {
    const issues = syncedIssues('## A\n- [ ] one\n## C\n- [ ] two\n')
    const p = plan({ text: '## B\n- [ ] one\n- [ ] two\n', issues })
    expect(kinds(p)).toEqual(['rename-label', 1, 2])
    expect(p.ops[0]).toMatchObject({ from: 'A', to: 'B' })
  })

  it('goals from before the first category moving in do not stop a rename', () => {
    const issues = syncedIssues('- [ ] loose\n## A\n- [ ] one\n')
    const p = plan({ text: '## B\n- [ ] loose\n- [ ] one\n', issues })
    expect(kinds(p)).toEqual(['rename-label', 1, 2])
    expect(p.ops[0]).toMatchObject({ from: 'A', to: 'B' })
  })
})
