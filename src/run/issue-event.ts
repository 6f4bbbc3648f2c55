// An issues event (closed, reopened, edited) turned into edits of the goals
// file: only for the action's own issues, only for senders who may triage, and
// only for the exact goal the issue's marker names.
import { getTrackedIssue, roleOf, toTracked, type RepoRef } from '../github/issues.ts'
import { statusOf } from '../github/errors.ts'
import type { Identity } from '../github/identity.ts'
import type { Client } from '../github/octokit-client.ts'
import { parseGoals } from '../goals/parse.ts'
import type { Settings } from '../action/settings.ts'
import { goalKey } from '../sync/marker.ts'
import { keyOfGoal } from '../sync/match.ts'
import type { GoalEdit } from '../sync/ops.ts'
import { issueTitle } from '../sync/text.ts'

export async function decideIssueEvent(
  client: Client,
  at: RepoRef,
  settings: Settings,
  payload: Record<string, unknown>,
  run: {
    action: 'closed' | 'reopened' | 'edited'
    number: number
    sender: string
    titleChanged: boolean
  },
  text: string,
  identity: Identity,
  level: number
): Promise<{ edits: GoalEdit[]; note: string }> {
  const fromPayload = await toTracked(payload.issue as never, settings.path, identity)
  if (!fromPayload) {
    return {
      edits: [],
      note: `Issue #${run.number} was not created by goals-sync for ${settings.path}; ignored.`
    }
  }
  const { role, mayTriage } = await roleOf(client, at, run.sender)
  if (!mayTriage) {
    return {
      edits: [],
      note: `Issue #${run.number} was ${run.action} by ${run.sender}, whose role is "${role}"; only triage or more changes the goals file. Ignored.`
    }
  }
  if (run.action === 'edited' && (!run.titleChanged || !settings.syncTitles)) {
    return {
      edits: [],
      note: `Issue #${run.number} was edited, but ${settings.syncTitles ? 'not its title' : 'sync-titles is off'}; nothing to do.`
    }
  }
  // The event may be stale (closed, then reopened at once): act on the issue as it is now.
  let issue = fromPayload
  try {
    issue = (await getTrackedIssue(client, at, run.number, settings.path, identity)) ?? fromPayload
  } catch (error) {
    if (statusOf(error) !== 404) throw error
  }
  const doc = parseGoals(text, { categoryLevel: level })
  const m = issue.marker
  if (m.removed) {
    return {
      edits: [],
      note: `Issue #${run.number} was closed by goals-sync because its goal left the file (or it duplicated another issue); it no longer drives the file.`
    }
  }
  // Only the exact goal: a guess could move another goal's box (the next full run pairs edited goals).
  const index = doc.goals.findIndex(
    (_, i) => keyOfGoal(doc, i) === goalKey(m.category, m.title, m.n)
  )
  if (index === -1) {
    return {
      edits: [],
      note: `The goal of issue #${run.number} ("${m.title}") is not in ${settings.path}; a scheduled or manual run will settle it.`
    }
  }
  const goal = doc.goals[index]!
  const key = keyOfGoal(doc, index)
  if (run.action === 'edited') {
    if (issue.title === issueTitle(goal.title) || issue.title.trim() === '') {
      return { edits: [], note: `Issue #${run.number}'s title already matches its goal.` }
    }
    return {
      edits: [
        {
          key,
          issue: issue.number,
          marker: m,
          title: issue.title,
          why: `issue retitled by ${run.sender}`
        }
      ],
      note: `Goal retitled from issue #${run.number}.`
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
        why: `issue ${closed ? 'closed' : 'reopened'} by ${run.sender}`
      }
    ],
    note: `Issue #${run.number} is ${closed ? 'closed: goal ticked' : 'open: goal unticked'}.`
  }
}
