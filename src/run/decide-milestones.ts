// The milestone side of the decide stage (`milestones: true`): each category's
// milestone, and every goal issue in its category's. Pure, like decide.ts: the
// milestone writes that stand alone (create, rename, reopen, close) go in the
// milestone plan; an issue's move rides on the issue write the plan already
// makes for it, or becomes an issue write of its own.
import type { Snapshot } from './read.ts'
import {
  mergeMilestoneSets,
  planMilestones,
  type GoalIssue,
  type MilestonePlan
} from '../sync/milestones.ts'
import type { Op } from '../sync/ops.ts'
import type { Plan } from '../sync/plan.ts'

type Update = Extract<Op, { kind: 'update-issue' }>

/** The description the action gives a category's milestone; a lost creation is recognised by it. */
export const milestoneDescription = (category: string, path: string) =>
  `Goals under "${category}" in ${path}`

export function decideMilestones(
  snapshot: Snapshot,
  plan: Plan,
  ops: readonly Op[]
): { ops: Op[]; milestones: MilestonePlan } | null {
  const existing = snapshot.milestones
  if (!existing) return null
  const path = snapshot.plan.path
  const listed = new Map(snapshot.side.listed.map(i => [i.number, i]))
  const updates = ops.filter((op): op is Update => op.kind === 'update-issue')
  const goals: GoalIssue[] = snapshot.side.issues.map(issue => {
    const update = updates.find(u => u.number === issue.number && u.record)
    const record = update?.record ?? plan.records.get(issue.number) ?? issue.marker
    const state = updates.reduce(
      (s, u) => (u.number === issue.number ? (u.state ?? s) : s),
      issue.state
    )
    return {
      issue: issue.number,
      // A removed goal's issue leaves the action's milestone, so the counts stay the counters.
      category: record.removed ? null : record.category,
      milestone: listed.get(issue.number)?.milestone ?? null,
      openNow: issue.state === 'open',
      openAfter: state === 'open'
    }
  })
  const creates = ops.filter(op => op.kind === 'create-issue')
  const milestones = planMilestones({
    categories: plan.doc.categories.filter(c => c.total > 0).map(c => c.name),
    goals,
    creatingOpen: creates.flatMap(op =>
      !op.close && op.record.category !== null ? [op.record.category] : []
    ),
    existing,
    made: [...(snapshot.ledger.ledger.milestones ?? [])].map(([number, category]) => ({
      number,
      category
    })),
    renames: [...plan.renames].map(([from, to]) => ({ from, to })),
    description: category => milestoneDescription(category, path)
  })
  const merged = mergeMilestoneSets(updates, milestones.sets)
  let next = 0
  const withMilestones = ops.map((op): Op => {
    if (op.kind === 'update-issue') return merged.updates[next++] ?? op
    if (op.kind !== 'create-issue' || op.record.category === null) return op
    const ref = milestones.refs.get(op.record.category)
    return ref ? { ...op, milestone: ref } : op
  })
  // Moves with no other change to their issue: one write each, after the issue writes.
  const moves = merged.sets.map((s): Op => ({
    kind: 'update-issue',
    number: s.issue,
    why: `milestone: ${s.why}`,
    effect: 'updated',
    milestone: s.milestone
  }))
  return { ops: [...withMilestones, ...moves], milestones }
}
