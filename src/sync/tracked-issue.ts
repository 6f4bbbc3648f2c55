// What the core knows of issues. A ListedIssue is GitHub's issue as listed,
// whoever made it; a TrackedIssue is one the ledger says is the action's, with
// the goal and synced state the ledger records for it (as a Marker).
import type { Marker } from './marker.ts'

export interface ListedIssue {
  number: number
  title: string
  state: 'open' | 'closed'
  stateReason: string | null
  labels: string[]
  body: string
  author: string | null
  htmlUrl: string
  createdAt: string
  updatedAt: string
  /** Its milestone's number (read only with `milestones: true`; absent or null: none). */
  milestone?: number | null
}

export type TrackedIssue = Omit<ListedIssue, 'author' | 'createdAt'> & {
  /** The ledger's record of the issue's goal and synced state. */
  marker: Marker
}
