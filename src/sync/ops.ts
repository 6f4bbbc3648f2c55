import type { LedgerEntry } from './ledger.ts'
import type { Marker } from './marker.ts'
import type { MilestoneRef } from './milestones.ts'

// The operations a plan is made of. Each is one write request (create-issue
// with `close` is two), so a plan can be cut anywhere by the write budget.

export type Conflict = 'latest' | 'file' | 'issues'

export type Op =
  | { kind: 'create-label'; name: string; color: string; description: string }
  | {
      kind: 'rename-label'
      from: string
      to: string
      /** Renamed only if it still has the description the action gave it (else it is someone else's too). */
      ifDescription: string
      color: string
      description: string
    }
  | {
      kind: 'create-issue'
      /** Goal key in the file this plan was made from. */
      goal: string
      line: number
      title: string
      body: string
      labels: string[]
      assignees: string[]
      /** Set when the goal is already ticked: the issue is then closed as completed. */
      close: { body: string } | null
      /** The ledger's record of the new issue (open; closed once `close` is done too). */
      record: LedgerEntry
      /** Its category's milestone (`milestones: true`). */
      milestone?: MilestoneRef
    }
  | {
      kind: 'update-issue'
      number: number
      why: string
      effect: 'closed' | 'reopened' | 'updated'
      title?: string
      body?: string
      labels?: string[]
      /**
       * The issue's labels when planned, given when `labels` only follows a
       * renamed category: if this run's label rename lands first, GitHub has
       * relabelled the issue already and the write may be unneeded.
       */
      labelsNow?: string[]
      state?: 'open' | 'closed'
      stateReason?: 'completed' | 'not_planned'
      /** Posted after the update (removals and duplicates say why they were closed). */
      comment?: string
      /** What the ledger records once this write is done. */
      record?: LedgerEntry
      /** Moved to this milestone in the same write (`milestones: true`). */
      milestone?: MilestoneRef
    }

/** A change to the goals file, found again by key when the branch moved meanwhile. */
export interface GoalEdit {
  key: string
  issue: number
  /** The issue's record when planned. */
  marker: Marker
  why: string
  checked?: boolean
  title?: string
  /** A goal born from an issue: added at the end of its category; `key` is its key once added. */
  append?: { category: string | null; title: string; checked: boolean }
}

export function writesOf(op: Op): number {
  if (op.kind === 'create-issue') return op.close ? 2 : 1
  if (op.kind === 'update-issue') return op.comment ? 2 : 1
  return 1
}
