// Which issues are the action's. The ledger alone says so: an issue is the
// action's if and only if the ledger lists its number and has not retired it.
// Markers in bodies only help to recover from the ledger's absence or from a
// creation whose answer or ledger write was lost, and then only together with
// the author and, for recovery, the creating run's nonce.
import type { ListedIssue, TrackedIssue } from './tracked-issue.ts'
import { entryOf, markerOf, type Ledger, type LedgerEntry } from './ledger.ts'
import { decodeMarker, goalKey } from './marker.ts'

/** The action's issues for this file, each with the ledger's record as its marker. */
export function trackedIssues(
  listed: readonly ListedIssue[],
  ledger: Ledger,
  path: string
): TrackedIssue[] {
  const tracked: TrackedIssue[] = []
  for (const issue of listed) {
    const entry = ledger.issues.get(issue.number)
    if (!entry || entry.retired || entry.file !== path) continue
    tracked.push({
      number: issue.number,
      title: issue.title,
      state: issue.state,
      stateReason: issue.stateReason,
      labels: issue.labels,
      body: issue.body,
      marker: markerOf(entry),
      htmlUrl: issue.htmlUrl,
      updatedAt: issue.updatedAt
    })
  }
  return tracked
}

export interface MarkedIssue {
  issue: ListedIssue
  entry: LedgerEntry
  nonce: string | null
}

/**
 * Issues outside the ledger whose body carries a valid marker for this file:
 * candidates to rebuild a missing ledger from, or to adopt. Whether their
 * author is the action is for the caller to check.
 */
export function markedIssues(
  listed: readonly ListedIssue[],
  ledger: Ledger,
  path: string
): MarkedIssue[] {
  const found: MarkedIssue[] = []
  for (const issue of listed) {
    if (ledger.issues.has(issue.number)) continue
    const marker = decodeMarker(issue.body)
    if (!marker || marker.file !== path) continue
    found.push({
      issue,
      entry: entryOf({ ...marker, nonce: undefined }),
      nonce: marker.nonce ?? null
    })
  }
  return found
}

/**
 * Of the marked issues, those a creating run left behind before its ledger
 * landed: the marker's nonce is one the lock recorded, and its goal is in the
 * file with no issue in the ledger.
 */
export function adoptable(
  marked: readonly MarkedIssue[],
  nonces: ReadonlySet<string>,
  goalKeys: ReadonlySet<string>,
  tracked: readonly TrackedIssue[]
): MarkedIssue[] {
  const held = new Set(tracked.map(i => goalKey(i.marker.category, i.marker.title, i.marker.n)))
  return marked.filter(m => {
    const key = goalKey(m.entry.category, m.entry.title, m.entry.n)
    return m.nonce !== null && nonces.has(m.nonce) && goalKeys.has(key) && !held.has(key)
  })
}
