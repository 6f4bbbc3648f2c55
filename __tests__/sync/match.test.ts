// Pairing goals with issues, step by step, with issues written out by hand.
import { describe, expect, it } from 'vitest'
import { parseGoals } from '../../src/goals/parse.ts'
import { keyOfGoal, keyOfIssue, matchGoals } from '../../src/sync/match.ts'
import type { Marker } from '../../src/sync/marker.ts'
import type { TrackedIssue } from '../../src/sync/tracked-issue.ts'

function issue(
  number: number,
  category: string | null,
  title: string,
  more: Partial<Marker> & { state?: 'open' | 'closed' } = {}
): TrackedIssue {
  const { state = 'open', ...marker } = more
  return {
    number,
    title,
    state,
    stateReason: null,
    labels: ['goal'],
    body: '',
    marker: { file: 'goals.md', category, title, n: 0, synced: 'open', removed: false, ...marker },
    htmlUrl: `https://example.test/issues/${number}`,
    updatedAt: '2026-01-01T00:00:00Z'
  }
}

const numbers = (r: ReturnType<typeof matchGoals>) => r.issueOf.map(i => i?.number ?? null)

describe('matchGoals', () => {
  it('exact keys first', () => {
    const doc = parseGoals('## A\n[ ] one\n[ ] two\n')
    const r = matchGoals(doc, [], [issue(7, 'A', 'two'), issue(3, 'A', 'one')], null)
    expect(numbers(r)).toEqual([3, 7])
    expect(r.via).toEqual(['key', 'key'])
    expect(r.orphans).toEqual([])
  })
  it('keys of goals and issues: category, title, occurrence', () => {
    const doc = parseGoals('## A\n[ ] one\n[ ] one\n')
    expect(keyOfGoal(doc, 1)).toBe('["A","one",1]')
    expect(keyOfIssue(issue(1, 'A', 'one', { n: 1 }))).toBe('["A","one",1]')
  })
  it('a goal moved to another category keeps its issue by title, preferring the same occurrence', () => {
    const doc = parseGoals('## B\n[ ] one\n[ ] one\n')
    const r = matchGoals(
      doc,
      [],
      [issue(1, 'A', 'one', { n: 0 }), issue(2, 'A', 'one', { n: 1 })],
      null
    )
    expect(numbers(r)).toEqual([1, 2])
    expect(r.via).toEqual(['title', 'title'])
  })
  it('a title match takes any occurrence when its own is gone', () => {
    const doc = parseGoals('## B\n[ ] one\n')
    const r = matchGoals(doc, [], [issue(4, 'A', 'one', { n: 3 })], null)
    expect(numbers(r)).toEqual([4])
  })
  it('an edited title finds its issue by similarity, the closest first', () => {
    const doc = parseGoals('## A\n[ ] learn the Rust language\n[ ] bake sourdough bread\n')
    const issues = [
      issue(1, 'A', 'bake sourdough bread weekly'),
      issue(2, 'A', 'learn Rust'),
      issue(3, 'A', 'learn the Rust language well')
    ]
    const r = matchGoals(doc, [], issues, null)
    expect(numbers(r)).toEqual([3, 1])
    expect(r.via).toEqual(['similar', 'similar'])
    expect(r.orphans.map(i => i.number)).toEqual([2])
  })
  it('below 0.6 similarity a goal is new and the issue an orphan', () => {
    const doc = parseGoals('## A\n[ ] write a novel\n')
    const r = matchGoals(doc, [], [issue(1, 'A', 'run a marathon')], null)
    expect(numbers(r)).toEqual([null])
    expect(r.orphans.map(i => i.number)).toEqual([1])
  })
  it('a removed issue is not taken by similarity', () => {
    const doc = parseGoals('## A\n[ ] learn the Rust language\n')
    const r = matchGoals(
      doc,
      [],
      [issue(1, 'A', 'learn the Rust language well', { removed: true })],
      null
    )
    expect(numbers(r)).toEqual([null])
  })
  it('equal scores: the same category wins, then the lower number', () => {
    const doc = parseGoals('## A\n[ ] paint the fence\n')
    const r = matchGoals(
      doc,
      [],
      [issue(5, 'B', 'paint the fences'), issue(6, 'A', 'paint the fences')],
      null
    )
    expect(numbers(r)).toEqual([6])
    const s = matchGoals(
      doc,
      [],
      [issue(9, 'B', 'paint the fences'), issue(8, 'B', 'paint the fences!')],
      null
    )
    expect(numbers(s)).toEqual([9])
  })
  it('two issues for one key: the open one is kept, the other is a duplicate', () => {
    const doc = parseGoals('## A\n[ ] one\n')
    const r = matchGoals(
      doc,
      [],
      [issue(1, 'A', 'one', { state: 'closed' }), issue(2, 'A', 'one')],
      null
    )
    expect(numbers(r)).toEqual([2])
    expect(r.duplicates.map(i => i.number)).toEqual([1])
  })
  it('a removed issue yields to one that is not, whatever their numbers', () => {
    const doc = parseGoals('## A\n[ ] one\n')
    const r = matchGoals(
      doc,
      [],
      [issue(1, 'A', 'one', { removed: true }), issue(9, 'A', 'one')],
      null
    )
    expect(numbers(r)).toEqual([9])
    const s = matchGoals(doc, [], [issue(3, 'A', 'one'), issue(2, 'A', 'one')], null)
    expect(numbers(s)).toEqual([2])
  })
  it('a push pairs an edited line with its issue, even when the text changed entirely', () => {
    const before = '## A\n[ ] write a novel\n[ ] keep\n'
    const after = '## A\n[ ] run a marathon\n[ ] keep\n'
    const doc = parseGoals(after)
    const r = matchGoals(
      doc,
      after.split('\n'),
      [issue(1, 'A', 'write a novel'), issue(2, 'A', 'keep')],
      { doc: parseGoals(before), lines: before.split('\n') }
    )
    expect(numbers(r)).toEqual([1, 2])
    expect(r.via).toEqual(['push', 'push'])
    expect(r.beforeGoal).toEqual([0, 1])
  })
  it('in a hunk with more added lines than removed, the extra ones are new', () => {
    const before = '## A\n[ ] old\n'
    const after = '## A\n[ ] new one\n[ ] new two\n'
    const doc = parseGoals(after)
    const r = matchGoals(doc, after.split('\n'), [issue(1, 'A', 'old')], {
      doc: parseGoals(before),
      lines: before.split('\n')
    })
    expect(numbers(r)).toEqual([1, null])
    expect(r.beforeGoal).toEqual([0, null])
  })
  it('goals over 4,096 characters are known by their start', () => {
    const long = 'z'.repeat(5000)
    const doc = parseGoals(`## A\n[ ] ${long}\n`)
    const r = matchGoals(doc, [], [issue(1, 'A', 'z'.repeat(4096))], null)
    expect(r.via).toEqual(['key'])
  })
  it('5,000 edited goals pair one to one with their issues', () => {
    const count = 5000
    const goals = Array.from({ length: count }, (_, i) => `[ ] goal ${i} about topic ${i * 7} done`)
    const doc = parseGoals(`## A\n${goals.join('\n')}\n`)
    const issues = Array.from({ length: count }, (_, i) =>
      issue(i + 1, 'A', `goal ${i} about topic ${i * 7}`)
    )
    const r = matchGoals(doc, [], issues, null)
    expect(numbers(r)).toEqual(issues.map(i => i.number))
  })
})

describe('matchGoals: edges of each step', () => {
  it('a goal with no issue is null in every list, not left undefined', () => {
    const r = matchGoals(parseGoals('- [ ] alone\n'), [], [], null)
    expect(r).toEqual({
      issueOf: [null],
      via: [null],
      beforeGoal: [null],
      orphans: [],
      duplicates: []
    })
  })
  it('a title match leaves an issue another goal holds by key alone', () => {
    const doc = parseGoals('## A\n[ ] one\n## B\n[ ] one\n')
    expect(numbers(matchGoals(doc, [], [issue(1, 'A', 'one')], null))).toEqual([1, null])
  })
  it('a title match prefers the issue of the same occurrence, whatever comes first', () => {
    const doc = parseGoals('## B\n[ ] one\n[ ] one\n')
    const issues = [issue(1, 'A', 'one'), issue(2, 'A', 'one', { n: 1 }), issue(3, 'B', 'one')]
    expect(numbers(matchGoals(doc, [], issues, null))).toEqual([3, 2])
  })
  it('equal scores from many issues: the lowest number; many goals for one issue: the first goal', () => {
    const doc = parseGoals('## A\n[ ] paint the fence\n')
    const issues = [
      issue(1, 'B', 'paint the fences'),
      issue(2, 'C', 'paint the fences'),
      issue(3, 'D', 'paint the fences')
    ]
    expect(numbers(matchGoals(doc, [], issues, null))).toEqual([1])
    const two = parseGoals(
      '## A\n[ ] paint the fence\n[ ] paint the fences\n## B\n[ ] paint the fence\n'
    )
    expect(numbers(matchGoals(two, [], [issue(7, 'C', 'paint the fencés')], null))).toEqual([
      7,
      null,
      null
    ])
  })
  it('a push over a goal that has no issue yet pairs it and moves on', () => {
    const text = '## A\n[ ] new\n[ ] one\n'
    const doc = parseGoals(text)
    const before = { doc: parseGoals(text), lines: text.split('\n') }
    const r = matchGoals(doc, text.split('\n'), [issue(1, 'A', 'one')], before)
    expect(numbers(r)).toEqual([null, 1])
    expect(r.beforeGoal).toEqual([0, 1])
  })
  it('an unchanged line that is a goal on one side only pairs with nothing', () => {
    const fenced = '```\n- [ ] x\n```\n'
    const open = '- [ ] x\n'
    const r = matchGoals(parseGoals(open), open.split('\n'), [], {
      doc: parseGoals(fenced),
      lines: fenced.split('\n')
    })
    expect(r.beforeGoal).toEqual([null])
  })
  it('in a hunk, lines that are not goals take no part in the pairing', () => {
    const pair = (before: string, after: string) =>
      matchGoals(parseGoals(after), after.split('\n'), [], {
        doc: parseGoals(before),
        lines: before.split('\n')
      }).beforeGoal
    expect(pair('intro\n- [ ] old\n', '- [ ] new\n')).toEqual([0])
    expect(pair('- [ ] old\n', 'intro\n- [ ] new\n')).toEqual([0])
  })
})
