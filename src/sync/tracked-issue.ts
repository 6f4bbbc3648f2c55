// What the planner knows of an issue the action created: GitHub's fields it
// needs plus the decoded marker. Built by the GitHub adapter, used by the pure core.
import type { Marker } from './marker.ts'

export interface TrackedIssue {
  number: number
  title: string
  state: 'open' | 'closed'
  stateReason: string | null
  labels: string[]
  body: string
  marker: Marker
  htmlUrl: string
  updatedAt: string
}
