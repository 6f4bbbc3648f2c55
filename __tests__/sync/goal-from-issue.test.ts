// Which issues become goals, and where they go. Expected values are written out.
import { describe, expect, it } from 'vitest'
import {
  decideGoalFromIssue,
  type GoalFromIssueInput,
  type IssueFacts
} from '../../src/sync/goal-from-issue.ts'

const LONG = 'Communication, community and writing goals for the next years'
const CATEGORIES = ['Technical Goals', 'Job Goals', LONG]

function input(
  issue: Partial<IssueFacts> = {},
  rest: Partial<Omit<GoalFromIssueInput, 'issue'>> = {}
): GoalFromIssueInput {
  return {
    event: { action: 'opened' },
    issue: {
      number: 7,
      title: 'learn Zig',
      state: 'open',
      labels: ['goal', 'Technical Goals'],
      author: 'ada',
      body: null,
      pullRequest: false,
      ...issue
    },
    sender: { login: 'ada', role: 'admin', mayTriage: true },
    commonLabel: 'goal',
    categories: CATEGORIES,
    inLedger: false,
    ...rest
  }
}

const added = (category: string | null, extra: object = {}) => ({
  kind: 'add',
  category,
  newCategory: false,
  title: 'learn Zig',
  checked: false,
  from: 'label',
  note: null,
  ...extra
})

describe('decideGoalFromIssue: goals', () => {
  it('an admin’s issue with the common and a category label goes to that category', () => {
    expect(decideGoalFromIssue(input())).toEqual(added('Technical Goals'))
  })

  it('labels match in any case; the title is trimmed; a closed issue gives a ticked goal', () => {
    const out = decideGoalFromIssue(
      input({ labels: ['GOAL', 'job goals'], title: '  learn Zig ', state: 'closed' })
    )
    expect(out).toEqual(added('Job Goals', { checked: true }))
  })

  it('a long category is found through its shortened label', () => {
    // 42 characters of the name, then the first 6 hex digits of its SHA-256 (from sha256sum).
    const label = 'Communication, community and writing goals… f88285'
    expect(decideGoalFromIssue(input({ labels: ['goal', label] }))).toEqual(added(LONG))
  })

  it('a maintainer adding the common label later adopts someone else’s issue', () => {
    const out = decideGoalFromIssue(
      input(
        { author: 'stranger' },
        {
          event: { action: 'labeled', label: 'goal' },
          sender: { login: 'maya', role: 'maintain', mayTriage: true }
        }
      )
    )
    expect(out).toEqual(added('Technical Goals'))
  })

  it('no category label: before the first category', () => {
    expect(decideGoalFromIssue(input({ labels: ['goal'] }))).toEqual(added(null, { from: 'none' }))
  })

  it('a label that names no category creates that category', () => {
    expect(decideGoalFromIssue(input({ labels: ['goal', 'Fitness'] }))).toEqual(
      added('Fitness', { newCategory: true })
    )
  })

  it('the issue form’s answer picks an existing category when no label names one', () => {
    const body = '### Category\n\njob goals\n\n### Why it matters\n\n_No response_'
    expect(decideGoalFromIssue(input({ labels: ['goal'], body }))).toEqual(
      added('Job Goals', { from: 'form' })
    )
    // The form's answer even wins over a stray label that names no category.
    expect(decideGoalFromIssue(input({ labels: ['goal', 'urgent'], body }))).toEqual(
      added('Job Goals', { from: 'form' })
    )
    // A label that names a category wins over the form.
    expect(decideGoalFromIssue(input({ body }))).toEqual(added('Technical Goals'))
  })

  it('the form’s answer may be a long category’s shortened label', () => {
    const body = '### Category\n\nCommunication, community and writing goals… f88285\n'
    expect(decideGoalFromIssue(input({ labels: ['goal'], body }))).toEqual(
      added(LONG, { from: 'form' })
    )
  })

  it('a form answer never creates a category: the goal goes before the first one, with a note', () => {
    const body = '### Category\n\n# Injected\n'
    expect(decideGoalFromIssue(input({ labels: ['goal'], body }))).toEqual(
      added(null, {
        from: 'none',
        note: 'the form\'s category "# Injected" is not a category of the file, so it is not used'
      })
    )
  })
})

describe('decideGoalFromIssue: ignored, with the reason', () => {
  const reason = (i: GoalFromIssueInput) => {
    const out = decideGoalFromIssue(i)
    expect(out.kind).toBe('ignore')
    return out.kind === 'ignore' ? out.reason : ''
  }

  it('an outsider’s issue with the right labels', () => {
    expect(
      reason(input({ author: 'eve' }, { sender: { login: 'eve', role: 'read', mayTriage: false } }))
    ).toBe(
      'Issue #7 was opened by eve, whose role is "read"; only triage or more adds goals. A maintainer can adopt it by removing and adding the "goal" label.'
    )
  })

  it('an outsider adding the common label', () => {
    expect(
      reason(
        input(
          {},
          {
            event: { action: 'labeled', label: 'goal' },
            sender: { login: 'eve', role: 'none', mayTriage: false }
          }
        )
      )
    ).toMatch(/^Issue #7 was labeled by eve, whose role is "none"/)
  })

  it('another label added to an issue', () => {
    expect(reason(input({}, { event: { action: 'labeled', label: 'Technical Goals' } }))).toBe(
      'Issue #7 was labelled "Technical Goals", not "goal"; a goal is adopted when the "goal" label is added.'
    )
  })

  it('without the common label', () => {
    expect(reason(input({ labels: ['Technical Goals'] }))).toBe(
      'Issue #7 does not carry the "goal" label; only issues with it become goals.'
    )
  })

  it('already in the ledger, a pull request, an empty title', () => {
    expect(reason(input({}, { inLedger: true }))).toBe(
      'Issue #7 is already one of goals-sync’s issues.'
    )
    expect(reason(input({ pullRequest: true }))).toBe(
      'Issue #7 is a pull request; only issues become goals.'
    )
    expect(reason(input({ title: '   ' }))).toBe('Issue #7 has an empty title.')
    expect(reason(input({ title: '\n\u0000\t' }))).toBe('Issue #7 has an empty title.')
  })

  it('made by a tool: a bot author, or a goals-sync marker in the body', () => {
    expect(reason(input({ author: 'renovate[bot]' }))).toBe(
      "Issue #7 was opened by renovate[bot], a tool; goals come from people's issues."
    )
    const marker =
      'Goal\n\n<!-- goals-sync {"v":1,"file":"other.md","category":null,"title":"x","n":0,"synced":"open","removed":false} -->'
    expect(reason(input({ body: marker }))).toMatch(/carries a goals-sync marker/)
    // A damaged marker is still a goals-sync trace.
    expect(reason(input({ body: 'text <!-- goals-sync {broken -->' }))).toMatch(
      /carries a goals-sync marker/
    )
  })

  it('labels of several categories', () => {
    expect(reason(input({ labels: ['goal', 'Technical Goals', 'Job Goals'] }))).toBe(
      'Issue #7 carries the labels of several categories (Technical Goals, Job Goals); remove all but one, then remove and add the "goal" label again.'
    )
  })

  it('several labels that name no category', () => {
    expect(reason(input({ labels: ['goal', 'Fitness', 'urgent'] }))).toBe(
      'Issue #7 carries several labels that name no category (Fitness, urgent); keep one to create that category, then remove and add the "goal" label again.'
    )
  })

  it('a label naming no category that cannot be a heading', () => {
    expect(reason(input({ labels: ['goal', 'Reading [2/5]'] }))).toBe(
      'Issue #7 has the label "Reading [2/5]", which names no category and cannot become one (a heading of it would read differently (a trailing "#" or "[n/m]")); rename the label or use an existing category\'s label.'
    )
    expect(reason(input({ labels: ['goal', 'Some removed long category name… 0a1b2c'] }))).toMatch(
      /it is a shortened label of a long category name/
    )
  })
})
