// The decide stage: from a snapshot to the issue writes and file edits a run
// makes. Pure: it reads nothing, so the same snapshot always decides the same.
import type { IssueFacts, Snapshot, Work } from './read.ts'
import { parseGoals } from '../goals/parse.ts'
import { goalKey } from '../sync/marker.ts'
import { keyOfGoal } from '../sync/match.ts'
import type { GoalEdit, Op } from '../sync/ops.ts'
import { planSync } from '../sync/plan.ts'
import { issueTitle } from '../sync/text.ts'

export interface Decision {
  ops: Op[]
  edits: GoalEdit[]
  warnings: string[]
  notes: string[]
}

/** Decides the run; labels that exist already (when they were read) are not created again. */
export function decide(snapshot: Snapshot, existingLabels: Set<string> | null = null): Decision {
  const { work, side, plan, goals } = snapshot
  if (work.kind === 'issue') {
    const { edits, note } = decideIssueEvent(snapshot, work, snapshot.event!)
    // A pull request is rebuilt from the branch each run: it carries every issue-side change still pending.
    const pending =
      edits.length > 0 && side
        ? planSync({ text: goals.text, issues: side.issues, settings: plan }).edits
        : []
    return {
      ops: [],
      edits: [...edits, ...pending.filter(e => !edits.some(x => x.issue === e.issue))],
      warnings: [],
      notes: [note]
    }
  }
  const result = planSync({
    text: goals.text,
    ...(side?.before !== undefined ? { before: side.before } : {}),
    issues: side?.issues ?? [],
    settings: plan
  })
  const ops = existingLabels
    ? result.ops.filter(
        op => op.kind !== 'create-label' || !existingLabels.has(op.name.toLowerCase())
      )
    : result.ops
  return { ops, edits: result.edits, warnings: result.warnings, notes: [] }
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
    return none(`Issue #${work.number} was not created by goals-sync for ${path}; ignored.`)
  }
  const role = facts.role!
  if (!role.mayTriage) {
    return none(
      `Issue #${work.number} was ${work.action} by ${work.sender}, whose role is "${role.role}"; only triage or more changes the goals file. Ignored.`
    )
  }
  const issue = facts.current
  if (!issue) {
    return none(
      `Issue #${work.number} was edited, but ${snapshot.plan.syncTitles ? 'not its title' : 'sync-titles is off'}; nothing to do.`
    )
  }
  const m = issue.marker
  if (m.removed) {
    return none(
      `Issue #${work.number} was closed by goals-sync because its goal left the file (or it duplicated another issue); it no longer drives the file.`
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
