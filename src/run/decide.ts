// The decide stage: from a snapshot to the issue writes and file edits a run
// makes. Pure: it reads nothing, so the same snapshot always decides the same.
import { decideNewGoal, type Adoption } from './new-goal.ts'
import { decideMilestones } from './decide-milestones.ts'
import type { IssueFacts, Snapshot, Work } from './read.ts'
import { parseGoals } from '../goals/parse.ts'
import type { LedgerEntry } from '../sync/ledger.ts'
import { goalKey } from '../sync/marker.ts'
import { keyOfGoal } from '../sync/match.ts'
import type { MilestonePlan } from '../sync/milestones.ts'
import type { GoalEdit, Op } from '../sync/ops.ts'
import { planSync } from '../sync/plan.ts'
import { issueTitle } from '../sync/text.ts'

export interface Decision {
  ops: Op[]
  /** Issue creations left for a later run by GitHub's hourly limit, and when they can happen. */
  held: { count: number; until: string } | null
  edits: GoalEdit[]
  /** Ledger records that change with no issue write. */
  records: Map<number, LedgerEntry>
  /** Milestone writes around the issue writes (`milestones: true`, full runs only). */
  milestones?: MilestonePlan
  warnings: string[]
  notes: string[]
  /** An issue that became a goal: its update once the commit has landed. */
  adopt?: Adoption | null
}

/** Decides the run; labels that exist already (when they were read) are not created again. */
export function decide(snapshot: Snapshot, existingLabels: Set<string> | null = null): Decision {
  const { work, side, plan, goals } = snapshot
  const result = planSync({
    text: goals.text,
    ...(side.before !== undefined ? { before: side.before } : {}),
    issues: side.issues,
    settings: plan
  })
  if (work.kind === 'issue') {
    const opened = work.action === 'opened' || work.action === 'labeled'
    const { edits, note, adopt } = opened
      ? decideNewGoal(snapshot, work, snapshot.event!)
      : { ...decideIssueEvent(snapshot, work, snapshot.event!), adopt: null }
    // Every run that lists the issues also settles the others that changed since the last sync
    // (GitHub's concurrency group may have cancelled their runs); the file side waits for a push
    // or a full run, which may need the lock.
    const others = result.edits.filter(e => e.issue !== work.number)
    return {
      ops: [],
      held: null,
      edits: [...edits, ...others],
      records: result.records,
      warnings: snapshot.warnings,
      notes: [note],
      adopt
    }
  }
  const labelled = existingLabels
    ? result.ops.filter(
        op => op.kind !== 'create-label' || !existingLabels.has(op.name.toLowerCase())
      )
    : result.ops
  const placed = decideMilestones(snapshot, result, labelled)
  const { ops, held } = withinHourlyLimit(placed?.ops ?? labelled, snapshot)
  return {
    ops,
    held,
    edits: result.edits,
    records: result.records,
    ...(placed ? { milestones: placed.milestones } : {}),
    warnings: [...snapshot.warnings, ...result.warnings],
    notes: []
  }
}

/** GitHub's limit on content created per hour (issues, comments) for one token. */
export const CREATIONS_PER_HOUR = 500
const HOUR = 60 * 60_000

/**
 * A run starts no more issue creations than GitHub's hourly limit leaves after
 * the action's own issues created in the hour before it read them (their
 * creation times are in the listing). Creations come last in a plan, so the
 * ones held back are its tail.
 */
function withinHourlyLimit(ops: Op[], snapshot: Snapshot): { ops: Op[]; held: Decision['held'] } {
  const now = snapshot.readAt
  const recent = snapshot.side.listed
    .filter(i => snapshot.ledger.ledger.issues.has(i.number))
    .map(i => Date.parse(i.createdAt))
    .filter(t => now - t < HOUR)
    .sort((a, b) => a - b)
  let left = Math.max(0, CREATIONS_PER_HOUR - recent.length)
  const kept: Op[] = []
  let count = 0
  for (const op of ops) {
    if (op.kind === 'create-issue' && left-- <= 0) count++
    else kept.push(op)
  }
  if (count === 0) return { ops, held: null }
  // The earliest moment enough of the last hour's creations have aged out for all the rest.
  const freeing = recent[Math.min(recent.length - 1, Math.max(0, count - 1))] ?? now
  return { ops: kept, held: { count, until: new Date(freeing + HOUR).toISOString() } }
}

/** An issues event (closed, reopened, edited) as edits of the goals file: only the exact goal its issue names. */
function decideIssueEvent(
  snapshot: Snapshot,
  work: Extract<Work, { kind: 'issue' }>,
  facts: IssueFacts
): { edits: GoalEdit[]; note: string } {
  const path = snapshot.plan.path
  const none = (note: string) => ({ edits: [], note })
  if (!facts.tracked) {
    if (snapshot.ledger.ledger.issues.get(work.number)?.retired) {
      return none(
        `Issue #${work.number} was closed by goals-sync as a duplicate of another issue for its goal; it no longer drives the file.`
      )
    }
    return none(
      `Issue #${work.number} was not created by goals-sync for ${path} (it is not in the ledger); ignored.`
    )
  }
  const role = facts.role!
  if (!role.mayTriage) {
    return none(
      `Issue #${work.number} was ${work.action} by ${work.sender}, whose role is "${role.role}"; only triage or more changes the goals file. Ignored.`
    )
  }
  if (work.action === 'edited' && (!work.titleChanged || !snapshot.plan.syncTitles)) {
    return none(
      `Issue #${work.number} was edited, but ${snapshot.plan.syncTitles ? 'not its title' : 'sync-titles is off'}; nothing to do.`
    )
  }
  const issue = facts.tracked
  const m = issue.marker
  if (m.removed) {
    return none(
      `Issue #${work.number} was closed by goals-sync because its goal left the file; it no longer drives the file.`
    )
  }
  const doc = parseGoals(snapshot.goals.text, { categoryLevel: snapshot.config.headingLevel })
  // Only the exact goal: a guess could move another goal's box (the next full run pairs edited goals).
  const index = doc.goals.findIndex(
    (_, i) => keyOfGoal(doc, i) === goalKey(m.category, m.title, m.n)
  )
  if (index === -1) {
    return none(
      `The goal of issue #${work.number} ("${m.title}") is not in ${path}; a scheduled or manual run will settle it.`
    )
  }
  const goal = doc.goals[index]!
  const key = keyOfGoal(doc, index)
  if (work.action === 'edited') {
    if (issue.title === issueTitle(goal.title) || issue.title.trim() === '') {
      return none(`Issue #${work.number}'s title already matches its goal.`)
    }
    return {
      edits: [
        {
          key,
          issue: issue.number,
          marker: m,
          title: issue.title,
          why: `issue retitled by ${work.sender}`
        }
      ],
      note: `Goal retitled from issue #${work.number}.`
    }
  }
  const closed = issue.state === 'closed'
  if (goal.checked === closed) {
    return none(
      `Issue #${work.number} is ${closed ? 'closed and its goal ticked' : 'open and its goal unticked'} already.`
    )
  }
  return {
    edits: [
      {
        key,
        issue: issue.number,
        marker: m,
        checked: closed,
        why: `issue ${closed ? 'closed' : 'reopened'} by ${work.sender}`
      }
    ],
    note: `Issue #${work.number} is ${closed ? 'closed: goal ticked' : 'open: goal unticked'}.`
  }
}
