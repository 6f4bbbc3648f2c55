// With `milestones: true`, each category has a milestone named after it and
// every goal's issue sits in its category's milestone, so GitHub's milestone
// page shows each category's progress. Pure: from the file's categories, the
// goal issues and the milestones that exist, the writes that make it so.
//
// Crash safety: every op is planned from what exists, so a rerun after any
// prefix repeats nothing. A milestone created just before a crash (its number
// never recorded) is recognised by its title and the description the action
// gives it; a rename already done is seen in the title; a close, planned last,
// is planned again only while still true.

export interface ExistingMilestone {
  number: number
  title: string
  state: 'open' | 'closed'
  description: string | null
  openIssues: number
  closedIssues: number
}

/** A milestone the action made, from its ledger. */
export interface MadeMilestone {
  number: number
  category: string
}

export interface GoalIssue {
  issue: number
  category: string | null
  /** The issue's milestone now. */
  milestone: number | null
  openNow: boolean
  /** Open once this run's issue writes are done. */
  openAfter: boolean
}

export interface MilestoneInput {
  /** Categories of the file, in order. */
  categories: readonly string[]
  /** Issues of the goals in the file (goals whose issue is still to be created get `refs`). */
  goals: readonly GoalIssue[]
  /** Categories with a goal whose issue this run creates open. */
  creatingOpen?: readonly string[]
  /** Every milestone of the repository (state=all). */
  existing: readonly ExistingMilestone[]
  made: readonly MadeMilestone[]
  /** Categories the plan found renamed (old name → new name). */
  renames?: readonly { from: string; to: string }[]
  /** The description the action gives a category's milestone (how a lost creation is recognised). */
  description: (category: string) => string
}

/** A milestone by number, or one created earlier in the same run by title; null: none. */
export type MilestoneRef = { number: number } | { title: string } | null

export type MilestoneOp =
  | { kind: 'create-milestone'; category: string; title: string; description: string }
  | {
      kind: 'update-milestone'
      number: number
      category: string
      title?: string
      description?: string
      state?: 'open' | 'closed'
      why: string
    }
  | { kind: 'set-milestone'; issue: number; milestone: MilestoneRef; why: string }

export interface MilestonePlan {
  /** Creations, renames and reopenings: before any issue write. */
  before: MilestoneOp[]
  /** Issues changing milestone. */
  sets: SetMilestone[]
  /** Closings of removed categories' milestones: after the issue writes. */
  after: MilestoneOp[]
  /** The milestone of each category, for issues created in this run. */
  refs: Map<string, MilestoneRef>
  /** The ledger's milestones after this plan; the applier adds those it creates. */
  made: MadeMilestone[]
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

export function planMilestones(input: MilestoneInput): MilestonePlan {
  const byNumber = new Map(input.existing.map(m => [m.number, m]))
  // Records of milestones someone deleted are forgotten.
  const made = new Map(
    input.made.filter(r => byNumber.has(r.number)).map(r => [r.number, r.category])
  )
  const before: MilestoneOp[] = []
  const refs = new Map<string, MilestoneRef>()
  const used = new Set<number>()

  for (const category of new Set(input.categories)) {
    const found = milestoneOf(category, input, made, used)
    if (!found) {
      before.push({
        kind: 'create-milestone',
        category,
        title: category,
        description: input.description(category)
      })
      refs.set(category, { title: category })
      continue
    }
    const m = found.milestone
    used.add(m.number)
    refs.set(category, { number: m.number })
    if (found.ours) made.set(m.number, category)
    const update: { title?: string; description?: string; state?: 'open' } = {}
    const why: string[] = []
    if (found.renamedFrom !== null && m.title !== category) {
      update.title = category
      update.description = input.description(category)
      why.push(`category "${found.renamedFrom}" renamed to "${category}"`)
    }
    if (found.ours && m.state === 'closed' && hasOpenGoal(category, input)) {
      update.state = 'open'
      why.push(`"${category}" has open goals again`)
    }
    if (why.length > 0) {
      before.push({
        kind: 'update-milestone',
        number: m.number,
        category,
        ...update,
        why: why.join('; ')
      })
    }
  }

  const sets = input.goals.flatMap(g => {
    const set = setFor(g, refs, made)
    return set ? [set] : []
  })

  const after: MilestoneOp[] = []
  for (const [number, category] of made) {
    const m = byNumber.get(number) as ExistingMilestone
    if (used.has(number) || m.state === 'closed') continue
    const leaving = input.goals.filter(g => g.milestone === number && g.openNow).length
    if (m.openIssues - leaving > 0) continue
    after.push({
      kind: 'update-milestone',
      number,
      category,
      state: 'closed',
      why: `category "${category}" is no longer in the file and has no open goals`
    })
  }

  return {
    before,
    sets,
    after,
    refs,
    made: [...made].map(([number, category]) => ({ number, category }))
  }
}

type SetMilestone = Extract<MilestoneOp, { kind: 'set-milestone' }>

function setFor(
  g: GoalIssue,
  refs: Map<string, MilestoneRef>,
  made: Map<number, string>
): SetMilestone | null {
  const target = g.category === null ? null : (refs.get(g.category) ?? null)
  const base = { kind: 'set-milestone', issue: g.issue } as const
  if (target && 'title' in target) {
    return { ...base, milestone: target, why: `into "${g.category}", a new milestone` }
  }
  const wanted = target ? target.number : null
  if (wanted === g.milestone) return null
  if (wanted !== null) return { ...base, milestone: target, why: `into "${g.category}"` }
  // A goal without a category leaves only a milestone the action made.
  if (g.milestone === null || !made.has(g.milestone)) return null
  return { ...base, milestone: null, why: 'its goal has no category' }
}

interface Found {
  milestone: ExistingMilestone
  /** The action made it (recorded, or recognised after a lost answer). */
  ours: boolean
  renamedFrom: string | null
}

function milestoneOf(
  category: string,
  input: MilestoneInput,
  made: Map<number, string>,
  used: Set<number>
): Found | null {
  const byNumber = new Map(input.existing.map(m => [m.number, m]))
  const free = (n: number) => !used.has(n)
  for (const [number, c] of made) {
    if (c === category && free(number)) {
      return { milestone: byNumber.get(number) as ExistingMilestone, ours: true, renamedFrom: null }
    }
  }
  // Only a milestone the action made follows its category's new name.
  for (const { from, to } of input.renames ?? []) {
    if (to !== category || input.categories.includes(from)) continue
    for (const [number, c] of made) {
      if (c === from && free(number) && !titled(category, input, number)) {
        return {
          milestone: byNumber.get(number) as ExistingMilestone,
          ours: true,
          renamedFrom: from
        }
      }
    }
  }
  const named = input.existing.find(m => same(m.title, category) && free(m.number))
  if (!named) return null
  const ours = made.has(named.number) || named.description === input.description(category)
  return { milestone: named, ours, renamedFrom: null }
}

/** Another milestone already has this title: renaming onto it would fail. */
function titled(title: string, input: MilestoneInput, except: number): boolean {
  return input.existing.some(m => m.number !== except && same(m.title, title))
}

function hasOpenGoal(category: string, input: MilestoneInput): boolean {
  return (
    input.goals.some(g => g.category === category && g.openAfter) ||
    (input.creatingOpen ?? []).includes(category)
  )
}

/**
 * Folds each milestone change into the issue update the plan already makes
 * for that issue (a moved goal changes label and milestone in one write); the
 * others stay separate writes.
 */
export function mergeMilestoneSets<U extends { kind: 'update-issue'; number: number }>(
  updates: readonly U[],
  sets: readonly SetMilestone[]
): { updates: (U & { milestone?: MilestoneRef })[]; sets: SetMilestone[] } {
  const byIssue = new Map(sets.map(s => [s.issue, s]))
  const merged = updates.map((u): U & { milestone?: MilestoneRef } => {
    const set = byIssue.get(u.number)
    if (!set) return u
    byIssue.delete(u.number)
    return { ...u, milestone: set.milestone }
  })
  return { updates: merged, sets: sets.filter(s => byIssue.has(s.issue)) }
}
