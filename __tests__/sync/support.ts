// Builds the planner's inputs for tests: issues as a finished earlier sync
// would have left them, so each test states only what changed since. Titles,
// labels and bodies are written here, not made by the product's own functions:
// the fixtures use short names, which GitHub takes as they are.
import { parseGoals } from '../../src/goals/parse.ts'
import type { Marker } from '../../src/sync/marker.ts'
import type { PlanSettings } from '../../src/sync/plan.ts'
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
    if (g.title.length > 256 || (g.category?.length ?? 0) > 50)
      throw new Error('syncedIssues takes short titles and category names only')
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
      title: g.title,
      state: g.checked ? 'closed' : 'open',
      stateReason: g.checked ? 'completed' : null,
      labels: ['goal', ...(g.category ? [g.category] : [])],
      body: `synced earlier\n<!-- goals-sync ${JSON.stringify({ v: 1, ...marker })} -->`,
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
