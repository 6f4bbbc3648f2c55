// Builds the planner's inputs for tests: issues as a finished earlier sync
// would have left them, so each test states only what changed since.
import { parseGoals } from '../../src/goals/parse.ts'
import { issueBody } from '../../src/sync/body.ts'
import type { Marker } from '../../src/sync/marker.ts'
import type { PlanSettings } from '../../src/sync/plan.ts'
import { categoryLabel, issueTitle } from '../../src/sync/text.ts'
import type { TrackedIssue } from '../../src/sync/tracked-issue.ts'

export const settings: PlanSettings = {
  path: 'goals.md',
  label: 'goal',
  conflict: 'latest',
  syncTitles: true,
  categoryLevel: 2,
  fileUrl: 'https://example.test/o/r/blob/main/goals.md',
  assignees: [],
  labelStyle: category => ({ color: '123456', description: category ?? 'common' })
}

export function syncedIssues(text: string, firstNumber = 1): TrackedIssue[] {
  const doc = parseGoals(text)
  return doc.goals.map((g, i) => {
    const marker: Marker = {
      file: 'goals.md',
      category: g.category,
      title: g.title,
      n: g.occurrence,
      synced: g.checked ? 'closed' : 'open',
      removed: false
    }
    return {
      number: firstNumber + i,
      title: issueTitle(g.title),
      state: g.checked ? 'closed' : 'open',
      stateReason: g.checked ? 'completed' : null,
      labels: ['goal', ...(g.category ? [categoryLabel(g.category)] : [])],
      body: issueBody(marker, { fileUrl: settings.fileUrl }),
      marker,
      htmlUrl: `https://example.test/o/r/issues/${firstNumber + i}`,
      updatedAt: '2026-01-01T00:00:00Z'
    }
  })
}

export function issueNamed(issues: TrackedIssue[], title: string): TrackedIssue {
  const found = issues.find(i => i.marker.title === title)
  if (!found) throw new Error(`no issue for ${title}`)
  return found
}
