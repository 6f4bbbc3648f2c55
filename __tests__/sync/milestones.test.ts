// Milestone planning: one milestone per category, every goal's issue in its
// category's milestone, renames and closes only for milestones the action made,
// and a rerun after any prefix of the writes repeats none of them.
import { describe, expect, it } from 'vitest'
import {
  mergeMilestoneSets,
  planMilestones,
  type ExistingMilestone,
  type GoalIssue,
  type MilestoneInput
} from '../../src/sync/milestones.ts'

const description = (c: string) => `Goals under "${c}" in goals.md, kept by goals-sync`

const milestone = (
  number: number,
  title: string,
  extra: Partial<ExistingMilestone> = {}
): ExistingMilestone => ({
  number,
  title,
  state: 'open',
  description: description(title),
  openIssues: 0,
  closedIssues: 0,
  ...extra
})

const goal = (
  issue: number,
  category: string | null,
  extra: Partial<GoalIssue> = {}
): GoalIssue => ({
  issue,
  category,
  milestone: null,
  openNow: true,
  openAfter: true,
  ...extra
})

const plan = (input: Partial<MilestoneInput>) =>
  planMilestones({ categories: [], goals: [], existing: [], made: [], description, ...input })

describe('planMilestones: a first sync', () => {
  it('creates one milestone per category and puts every goal’s issue in it', () => {
    const out = plan({
      categories: ['Health', 'Work'],
      goals: [goal(1, 'Health'), goal(2, 'Work'), goal(3, null)]
    })
    expect(out.before).toEqual([
      {
        kind: 'create-milestone',
        category: 'Health',
        title: 'Health',
        description: 'Goals under "Health" in goals.md, kept by goals-sync'
      },
      {
        kind: 'create-milestone',
        category: 'Work',
        title: 'Work',
        description: 'Goals under "Work" in goals.md, kept by goals-sync'
      }
    ])
    expect(out.sets).toEqual([
      {
        kind: 'set-milestone',
        issue: 1,
        milestone: { title: 'Health' },
        why: 'into "Health", a new milestone'
      },
      {
        kind: 'set-milestone',
        issue: 2,
        milestone: { title: 'Work' },
        why: 'into "Work", a new milestone'
      }
    ])
    expect(out.after).toEqual([])
    expect([...out.refs]).toEqual([
      ['Health', { title: 'Health' }],
      ['Work', { title: 'Work' }]
    ])
    expect(out.made).toEqual([])
  })

  it('a category named twice gets one milestone', () => {
    expect(
      plan({ categories: ['A', 'B', 'A'] }).before.map(
        o => o.kind === 'create-milestone' && o.title
      )
    ).toEqual(['A', 'B'])
  })

  it('uses a person’s milestone of the same name (any case) without making it the action’s', () => {
    const out = plan({
      categories: ['Health'],
      goals: [goal(1, 'Health')],
      existing: [milestone(5, 'health', { description: 'mine', state: 'closed' })]
    })
    expect(out.before).toEqual([])
    expect(out.sets).toEqual([
      { kind: 'set-milestone', issue: 1, milestone: { number: 5 }, why: 'into "Health"' }
    ])
    expect(out.made).toEqual([])
  })
})

describe('planMilestones: later runs', () => {
  const synced = {
    categories: ['Health', 'Work'],
    existing: [milestone(1, 'Health', { openIssues: 1 }), milestone(2, 'Work', { openIssues: 1 })],
    made: [
      { number: 1, category: 'Health' },
      { number: 2, category: 'Work' }
    ]
  }

  it('nothing to do when everything is in place (idempotence)', () => {
    const out = plan({
      ...synced,
      goals: [goal(10, 'Health', { milestone: 1 }), goal(11, 'Work', { milestone: 2 })]
    })
    expect([out.before, out.sets, out.after]).toEqual([[], [], []])
    expect(out.made).toEqual(synced.made)
    expect([...out.refs]).toEqual([
      ['Health', { number: 1 }],
      ['Work', { number: 2 }]
    ])
  })

  it('a moved goal changes milestone; a goal that lost its category leaves the action’s milestone', () => {
    const out = plan({
      ...synced,
      goals: [
        goal(10, 'Work', { milestone: 1 }),
        goal(11, null, { milestone: 2 }),
        goal(12, null, { milestone: 99 }),
        goal(13, 'Health', { milestone: 99 })
      ],
      existing: [...synced.existing, milestone(99, 'Q3', { description: null })]
    })
    expect(out.sets).toEqual([
      { kind: 'set-milestone', issue: 10, milestone: { number: 2 }, why: 'into "Work"' },
      { kind: 'set-milestone', issue: 11, milestone: null, why: 'its goal has no category' },
      { kind: 'set-milestone', issue: 13, milestone: { number: 1 }, why: 'into "Health"' }
    ])
  })

  it('a renamed category renames the milestone the action made', () => {
    const out = plan({
      ...synced,
      categories: ['Fitness', 'Work'],
      renames: [{ from: 'Health', to: 'Fitness' }],
      goals: [goal(10, 'Fitness', { milestone: 1 })]
    })
    expect(out.before).toEqual([
      {
        kind: 'update-milestone',
        number: 1,
        category: 'Fitness',
        title: 'Fitness',
        description: 'Goals under "Fitness" in goals.md, kept by goals-sync',
        why: 'category "Health" renamed to "Fitness"'
      }
    ])
    expect(out.sets).toEqual([])
    expect(out.after).toEqual([])
    expect(out.made).toEqual([
      { number: 1, category: 'Fitness' },
      { number: 2, category: 'Work' }
    ])
  })

  it('a person’s milestone is never renamed: the new name gets a new milestone', () => {
    const out = plan({
      categories: ['Fitness'],
      renames: [{ from: 'Health', to: 'Fitness' }],
      existing: [milestone(1, 'Health', { description: 'mine', openIssues: 1 })],
      goals: [goal(10, 'Fitness', { milestone: 1 })]
    })
    expect(out.before.map(o => o.kind)).toEqual(['create-milestone'])
    expect(out.sets).toEqual([
      {
        kind: 'set-milestone',
        issue: 10,
        milestone: { title: 'Fitness' },
        why: 'into "Fitness", a new milestone'
      }
    ])
    expect(out.after).toEqual([])
  })

  it('a rename onto a title another milestone has uses that one instead', () => {
    const out = plan({
      ...synced,
      categories: ['Fitness', 'Work'],
      renames: [{ from: 'Health', to: 'Fitness' }],
      existing: [...synced.existing, milestone(7, 'Fitness', { description: 'mine' })],
      goals: [goal(10, 'Fitness', { milestone: 1 })]
    })
    expect(out.before).toEqual([])
    expect(out.sets).toEqual([
      { kind: 'set-milestone', issue: 10, milestone: { number: 7 }, why: 'into "Fitness"' }
    ])
    expect(out.after).toEqual([
      {
        kind: 'update-milestone',
        number: 1,
        category: 'Health',
        state: 'closed',
        why: 'category "Health" is no longer in the file and has no open goals'
      }
    ])
  })

  it('a removed category’s milestone is closed only when no open issue stays in it', () => {
    const base = { ...synced, categories: ['Work'] }
    // Its one open issue is a goal that moves out: closed after the moves.
    expect(plan({ ...base, goals: [goal(10, 'Work', { milestone: 1 })] }).after).toEqual([
      {
        kind: 'update-milestone',
        number: 1,
        category: 'Health',
        state: 'closed',
        why: 'category "Health" is no longer in the file and has no open goals'
      }
    ])
    // Someone else's open issue is in it too: kept open.
    const crowded = {
      ...base,
      existing: [milestone(1, 'Health', { openIssues: 2 }), synced.existing[1] as ExistingMilestone]
    }
    expect(
      plan({
        ...crowded,
        goals: [goal(10, 'Work', { milestone: 1 }), goal(11, 'Work', { milestone: 2 })]
      }).after
    ).toEqual([])
    // A closed goal leaving it does not count as an open one.
    expect(
      plan({
        ...crowded,
        goals: [
          goal(10, 'Work', { milestone: 1 }),
          goal(12, 'Work', { milestone: 1, openNow: false })
        ]
      }).after
    ).toEqual([])
    // A person's milestone is never closed.
    expect(plan({ ...base, made: [{ number: 2, category: 'Work' }] }).after).toEqual([])
    // Already closed: nothing.
    expect(
      plan({
        ...base,
        existing: [
          milestone(1, 'Health', { state: 'closed' }),
          synced.existing[1] as ExistingMilestone
        ]
      }).after
    ).toEqual([])
  })

  it('a closed milestone of the action reopens when its category has open goals again', () => {
    const existing = [
      milestone(1, 'Health', { state: 'closed' }),
      synced.existing[1] as ExistingMilestone
    ]
    const out = plan({
      ...synced,
      existing,
      goals: [goal(10, 'Health', { milestone: 1, openNow: false })]
    })
    expect(out.before).toEqual([
      {
        kind: 'update-milestone',
        number: 1,
        category: 'Health',
        state: 'open',
        why: '"Health" has open goals again'
      }
    ])
    const done = plan({
      ...synced,
      existing,
      goals: [goal(10, 'Health', { milestone: 1, openNow: false, openAfter: false })]
    })
    expect(done.before).toEqual([])
    expect(plan({ ...synced, existing, creatingOpen: ['Health'] }).before.map(o => o.kind)).toEqual(
      ['update-milestone']
    )
  })

  it('forgets records of milestones someone deleted, and makes a new one', () => {
    const out = plan({
      categories: ['Health'],
      made: [{ number: 1, category: 'Health' }],
      goals: [goal(10, 'Health', { milestone: null })]
    })
    expect(out.made).toEqual([])
    expect(out.before.map(o => o.kind)).toEqual(['create-milestone'])
  })
})

describe('planMilestones: whose milestone', () => {
  it('keeps the action’s milestone by number when a person renamed it', () => {
    const out = plan({
      categories: ['Health'],
      existing: [milestone(1, 'Body', { description: 'renamed by hand' })],
      made: [{ number: 1, category: 'Health' }],
      goals: [goal(10, 'Health', { milestone: 1 })]
    })
    expect([out.before, out.sets, out.after]).toEqual([[], [], []])
    expect(out.made).toEqual([{ number: 1, category: 'Health' }])
  })

  it('a rename moves only its own category’s milestone', () => {
    const out = plan({
      categories: ['Work', 'Fitness'],
      renames: [{ from: 'Health', to: 'Fitness' }],
      existing: [milestone(1, 'Health')],
      made: [{ number: 1, category: 'Health' }]
    })
    expect(out.before.map(o => [o.kind, 'title' in o ? o.title : null])).toEqual([
      ['create-milestone', 'Work'],
      ['update-milestone', 'Fitness']
    ])
  })

  it('a category that was split keeps its milestone; the new name gets another', () => {
    const out = plan({
      categories: ['Health', 'Fitness'],
      renames: [{ from: 'Health', to: 'Fitness' }],
      existing: [milestone(1, 'Health')],
      made: [{ number: 1, category: 'Health' }]
    })
    expect(out.before.map(o => [o.kind, 'title' in o ? o.title : null])).toEqual([
      ['create-milestone', 'Fitness']
    ])
  })

  it('a rename and a reopen in one write give both reasons', () => {
    const out = plan({
      categories: ['Fitness'],
      renames: [{ from: 'Health', to: 'Fitness' }],
      existing: [milestone(1, 'Health', { state: 'closed' })],
      made: [{ number: 1, category: 'Health' }],
      goals: [goal(10, 'Fitness', { milestone: 1 })]
    })
    expect(out.before).toEqual([
      {
        kind: 'update-milestone',
        number: 1,
        category: 'Fitness',
        title: 'Fitness',
        description: 'Goals under "Fitness" in goals.md, kept by goals-sync',
        state: 'open',
        why: 'category "Health" renamed to "Fitness"; "Fitness" has open goals again'
      }
    ])
  })

  it('open goals of another category do not reopen a closed milestone', () => {
    const out = plan({
      categories: ['Health', 'Work'],
      existing: [milestone(1, 'Health', { state: 'closed' }), milestone(2, 'Work')],
      made: [
        { number: 1, category: 'Health' },
        { number: 2, category: 'Work' }
      ],
      goals: [
        goal(10, 'Health', { milestone: 1, openNow: false, openAfter: false }),
        goal(11, 'Work', { milestone: 2 })
      ]
    })
    expect(out.before).toEqual([])
  })
})

describe('planMilestones: a rerun after a crash repeats nothing', () => {
  it('a creation whose answer was lost is recognised by title and description', () => {
    const out = plan({
      categories: ['Health'],
      existing: [milestone(4, 'Health')],
      goals: [goal(10, 'Health')]
    })
    expect(out.before).toEqual([])
    expect(out.made).toEqual([{ number: 4, category: 'Health' }])
    expect(out.sets).toEqual([
      { kind: 'set-milestone', issue: 10, milestone: { number: 4 }, why: 'into "Health"' }
    ])
  })

  it('a rename already done (record not yet updated) is only recorded, with or without the rename known', () => {
    const state = {
      categories: ['Fitness'],
      existing: [milestone(1, 'Fitness')],
      made: [{ number: 1, category: 'Health' }],
      goals: [goal(10, 'Fitness', { milestone: 1 })]
    }
    for (const renames of [[{ from: 'Health', to: 'Fitness' }], []]) {
      const out = plan({ ...state, renames })
      expect([out.before, out.sets, out.after]).toEqual([[], [], []])
      expect(out.made).toEqual([{ number: 1, category: 'Fitness' }])
    }
  })

  it('each prefix of a first sync’s writes, applied, leaves a rerun only the rest', () => {
    // Two categories, two goals: writes are create A, create B, set 1, set 2.
    const categories = ['A', 'B']
    const steps: Array<{ existing: ExistingMilestone[]; goals: GoalIssue[] }> = [
      { existing: [], goals: [goal(1, 'A'), goal(2, 'B')] },
      { existing: [milestone(1, 'A')], goals: [goal(1, 'A'), goal(2, 'B')] },
      { existing: [milestone(1, 'A'), milestone(2, 'B')], goals: [goal(1, 'A'), goal(2, 'B')] },
      {
        existing: [milestone(1, 'A'), milestone(2, 'B')],
        goals: [goal(1, 'A', { milestone: 1 }), goal(2, 'B')]
      },
      {
        existing: [milestone(1, 'A'), milestone(2, 'B')],
        goals: [goal(1, 'A', { milestone: 1 }), goal(2, 'B', { milestone: 2 })]
      }
    ]
    const remaining = steps.map(s => {
      const out = plan({ categories, ...s })
      return [...out.before, ...out.sets, ...out.after].length
    })
    expect(remaining).toEqual([4, 3, 2, 1, 0])
  })
})

describe('mergeMilestoneSets', () => {
  it('folds a milestone change into the same issue’s update; the rest stay separate', () => {
    const updates = [
      { kind: 'update-issue' as const, number: 10, labels: ['goal', 'Work'] },
      { kind: 'update-issue' as const, number: 11, title: 't' }
    ]
    const sets = [
      { kind: 'set-milestone' as const, issue: 10, milestone: { number: 2 }, why: 'into "Work"' },
      {
        kind: 'set-milestone' as const,
        issue: 12,
        milestone: null,
        why: 'its goal has no category'
      }
    ]
    expect(mergeMilestoneSets(updates, sets)).toEqual({
      updates: [
        { kind: 'update-issue', number: 10, labels: ['goal', 'Work'], milestone: { number: 2 } },
        { kind: 'update-issue', number: 11, title: 't' }
      ],
      sets: [{ kind: 'set-milestone', issue: 12, milestone: null, why: 'its goal has no category' }]
    })
  })
})
