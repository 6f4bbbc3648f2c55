// An issue opened or labelled on GitHub that becomes a goal: its line is added
// to the file in the run's one commit, with its ledger entry, and only once that
// landed does the issue get the marker and the labels a goal issue carries.
// Pure but for `adoptIssue`, the one write after the commit.
import type { WriteBudget } from './budget.ts'
import type { Applied } from './apply.ts'
import type { IssueFacts, Snapshot, Work } from './read.ts'
import { messageOf } from '../github/errors.ts'
import { updateIssue, type IssuePatch, type RepoRef } from '../github/issues.ts'
import type { Client } from '../github/octokit-client.ts'
import { AppendError, appendGoal } from '../goals/append.ts'
import { parseGoals } from '../goals/parse.ts'
import { BODY_SEPARATOR, issueBody } from '../sync/body.ts'
import { decideGoalFromIssue } from '../sync/goal-from-issue.ts'
import { markerOf } from '../sync/ledger.ts'
import { decodeMarker, type Marker } from '../sync/marker.ts'
import { keyOfGoal } from '../sync/match.ts'
import type { GoalEdit } from '../sync/ops.ts'
import { categoryLabel, MAX_BODY } from '../sync/text.ts'

/** The write that makes the new goal's issue look like any other goal issue. */
export interface Adoption {
  number: number
  title: string
  patch: IssuePatch
}

export interface NewGoal {
  edits: GoalEdit[]
  note: string
  adopt: Adoption | null
}

export function decideNewGoal(
  snapshot: Snapshot,
  work: Extract<Work, { kind: 'issue' }>,
  facts: IssueFacts
): NewGoal {
  const none = (note: string): NewGoal => ({ edits: [], note, adopt: null })
  const { plan } = snapshot
  if (facts.refused) return none(facts.refused)
  const issue = facts.candidate
  const entry = snapshot.ledger.ledger.issues.get(work.number)
  if (facts.inLedger && entry) {
    const already = `Issue #${work.number} is already one of goals-sync’s issues`
    // Its goal was committed by a run cut short before the issue got its marker: only that is left.
    if (issue && decodeMarker(issue.body) === null) {
      return {
        edits: [],
        note: `${already}; its marker is added.`,
        adopt: adoption(issue, markerOf(entry), plan)
      }
    }
    return none(`${already}; ignored.`)
  }
  if (!issue)
    return none(`Issue #${work.number} could not be read (deleted or transferred); ignored.`)
  const level = plan.categoryLevel
  const doc = parseGoals(snapshot.goals.text, { categoryLevel: level })
  const categories = [...new Set(doc.categories.map(c => c.name))]
  const decided = decideGoalFromIssue({
    event:
      work.action === 'labeled'
        ? { action: 'labeled', label: work.label ?? '' }
        : { action: 'opened' },
    issue: {
      number: issue.number,
      title: issue.title,
      state: issue.state,
      labels: issue.labels,
      author: issue.author ?? '',
      body: issue.body,
      pullRequest: false
    },
    sender: {
      login: work.sender,
      role: facts.role?.role ?? 'unknown',
      mayTriage: facts.role?.mayTriage ?? false
    },
    commonLabel: plan.label,
    categories,
    inLedger: false,
    categoryLevel: level
  })
  if (decided.kind === 'ignore') return none(`${decided.reason} Ignored.`)

  let added
  try {
    added = appendGoal(snapshot.goals.text, {
      category: decided.category,
      title: decided.title,
      checked: decided.checked,
      categoryLevel: level
    })
  } catch (error) {
    if (!(error instanceof AppendError)) throw error
    return none(`Issue #${issue.number} cannot become a goal: ${error.message}. Ignored.`)
  }
  const grown = parseGoals(added.text, { categoryLevel: level })
  const index = grown.goals.findIndex(g => g.line === added.line)
  const goal = grown.goals[index]!
  const marker: Marker = {
    file: plan.path,
    category: decided.category,
    title: added.title,
    n: goal.occurrence,
    synced: decided.checked ? 'closed' : 'open',
    removed: false
  }
  const where = decided.category === null ? 'before the first category' : `in "${decided.category}"`
  const edit: GoalEdit = {
    key: keyOfGoal(grown, index),
    issue: issue.number,
    marker,
    why: `issue ${work.action} by ${work.sender}`,
    append: { category: decided.category, title: decided.title, checked: decided.checked }
  }
  return {
    edits: [edit],
    note: [
      `Issue #${issue.number} becomes a goal ${where} of ${plan.path}${decided.newCategory ? ' (a new category)' : ''}${decided.checked ? ', ticked (the issue is closed)' : ''}.`,
      ...(decided.note ? [decided.note] : [])
    ].join(' '),
    adopt: adoption(issue, marker, plan)
  }
}

/** Labels and body a goal issue carries; null when it has them already. */
function adoption(
  issue: NonNullable<IssueFacts['candidate']>,
  marker: Marker,
  plan: Snapshot['plan']
): Adoption | null {
  const patch: IssuePatch = {}
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
  const wanted = marker.category === null ? null : categoryLabel(marker.category)
  if (wanted !== null && !issue.labels.some(l => same(l, wanted)))
    patch.labels = [...issue.labels, wanted]
  // The person's text stays as they wrote it; the action's lines and marker follow it, so the
  // marker is the body's last (the only one read). A body that would grow past GitHub's limit
  // is left alone: the marker is a hint, the ledger is what counts.
  const ours = issueBody(marker, { fileUrl: plan.fileUrl })
  const theirs = issue.body.trimEnd()
  const body = theirs === '' ? ours : `${theirs}${BODY_SEPARATOR}${ours}`
  if (body.length <= MAX_BODY) patch.body = body
  if (Object.keys(patch).length === 0) return null
  return { number: issue.number, title: issue.title, patch }
}

/** The adoption write, after the commit that put the goal and its ledger entry on the branch. */
export async function adoptIssue(
  client: Client,
  at: RepoRef,
  adopt: Adoption,
  budget: WriteBudget,
  reserve: number,
  applied: Applied,
  log: (message: string) => void
): Promise<string | null> {
  if (!budget.take(1, reserve)) {
    return `issue #${adopt.number} did not get its goals-sync marker and labels: the write budget (max-writes: ${budget.limit}) is spent; it syncs as a goal all the same`
  }
  try {
    await updateIssue(client, at, adopt.number, adopt.patch)
  } catch (error) {
    // The goal and its ledger entry are committed: the issue is a goal whatever happens here.
    return `issue #${adopt.number} did not get its goals-sync marker and labels (${messageOf(error)}); it syncs as a goal all the same`
  }
  applied.updated.push(adopt.number)
  applied.touched.push({ number: adopt.number, what: 'marker and labels added' })
  log(`#${adopt.number} updated: became a goal`)
  return null
}
