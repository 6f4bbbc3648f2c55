// After a commit that carries issue-side changes (a tick from a closed issue, a
// title from an edited one), each such issue's marker records the new synced
// state. Only then: a marker that ran ahead of the file would make
// `conflict: latest` misjudge which side changed.
import { applyOps, type Applied, type Recovery } from './apply.ts'
import type { WriteBudget } from './budget.ts'
import { readFile } from '../github/files.ts'
import type { RepoRef } from '../github/issues.ts'
import type { Client } from '../github/octokit-client.ts'
import { parseGoals } from '../goals/parse.ts'
import { issueBody } from '../sync/body.ts'
import { goalKey, type Marker } from '../sync/marker.ts'
import type { GoalEdit } from '../sync/ops.ts'
import { sameMarker, type PlanSettings } from '../sync/plan.ts'

export async function refreshMarkers(
  client: Client,
  at: RepoRef,
  edits: readonly GoalEdit[],
  settings: PlanSettings,
  commitSha: string,
  budget: WriteBudget,
  applied: Applied,
  options: { reserve: number; recovery: Recovery }
) {
  const text = (await readFile(client, at, settings.path, commitSha))?.text ?? ''
  const doc = parseGoals(text, { categoryLevel: settings.categoryLevel })
  const done = new Set<number>()
  for (const edit of edits) {
    if (done.has(edit.issue)) continue
    done.add(edit.issue)
    const wanted = (g: (typeof doc.goals)[number]) => goalKey(g.category, g.title, g.occurrence)
    const target = applyTarget(edit)
    const goal = doc.goals.find(g => wanted(g) === target)
    if (!goal) continue
    const marker: Marker = {
      file: settings.path,
      category: goal.category,
      title: goal.title,
      n: goal.occurrence,
      synced: goal.checked ? 'closed' : 'open',
      removed: false
    }
    if (sameMarker(edit.marker, marker)) continue
    const deferred = applied.deferred
    await applyOps(
      client,
      at,
      [
        {
          kind: 'update-issue',
          number: edit.issue,
          why: 'sync state recorded',
          effect: 'updated',
          body: issueBody(marker, settings)
        }
      ],
      budget,
      applied,
      options
    )
    if (applied.deferred > deferred) break
  }
}

/** The key a goal has once an edit is applied to it. */
function applyTarget(edit: GoalEdit): string {
  if (edit.title === undefined) return edit.key
  const [category, , n] = JSON.parse(edit.key) as [string | null, string, number]
  return goalKey(category, edit.title.replace(/[\r\n]+/g, ' ').trim(), n)
}
