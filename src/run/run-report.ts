// What a run is given and what it reports back, to the action and the command line.
import { emptyApplied, type Applied } from './apply.ts'
import type { WriteBudget } from './budget.ts'
import type { LockTiming } from './guard.ts'
import type { Siblings } from './outputs.ts'
import type { Move } from '../sync/moves.ts'
import type { Settings } from '../action/settings.ts'
import type { CommitResult } from '../github/commit.ts'
import type { Client } from '../github/octokit-client.ts'
import { parseGoals } from '../goals/parse.ts'
import { percentOf } from '../render/badge.ts'
import type { MilestoneOp } from '../sync/milestones.ts'
import type { GoalEdit, Op } from '../sync/ops.ts'

export interface Logger {
  info: (message: string) => void
  warning: (message: string) => void
}

export interface RunInput {
  settings: Settings
  client: Client
  eventName: string
  payload: Record<string, unknown>
  log: Logger
  /** How often to look again at another run's lock (ms). */
  lockPollMs?: number
  /** Time per write and spare time the lock is held for, and the longest wait for another's (ms). */
  lockTiming?: LockTiming
  /** The clock (ms), for the hourly creation limit; tests move it. */
  now?: () => number
  /** Set when `path` names several files: this run syncs one of them (see several.ts). */
  siblings?: Siblings
  /** Issues whose goal moved between the goals files, handed to their new file. */
  moves?: ReadonlyMap<number, Move>
  /** Shared by the files of a run over several, so that max-writes caps the whole run. */
  budget?: WriteBudget
}

export interface RunReport {
  skipped: string | null
  /** Write requests made, lock and commit included. */
  writes: number
  branch: string | null
  dryRun: boolean
  total: number
  done: number
  percent: number
  categories: { name: string | null; done: number; total: number }[]
  ops: Op[]
  /** Milestone writes planned around the issue writes (`milestones: true`). */
  milestones?: MilestoneOp[]
  edits: GoalEdit[]
  applied: Applied
  commit: CommitResult | null
  warnings: string[]
  notes: string[]
}

export function emptyReport(
  settings: Settings,
  skipped: string | null,
  branch: string | null
): RunReport {
  return {
    skipped,
    writes: 0,
    branch,
    dryRun: settings.dryRun,
    total: 0,
    done: 0,
    percent: 0,
    categories: [],
    ops: [],
    edits: [],
    applied: emptyApplied(),
    commit: null,
    warnings: [],
    notes: []
  }
}

/** Totals and per-category progress of the file the run leaves (goals before the first category first). */
export function progressOf(
  text: string,
  level: number
): Pick<RunReport, 'total' | 'done' | 'percent' | 'categories'> {
  const doc = parseGoals(text, { categoryLevel: level })
  const categories: RunReport['categories'] = doc.categories.map(c => ({
    name: c.name,
    done: c.done,
    total: c.total
  }))
  const loose = doc.goals.filter(g => g.category === null)
  if (loose.length > 0) {
    categories.unshift({
      name: null,
      done: loose.filter(g => g.checked).length,
      total: loose.length
    })
  }
  return {
    total: doc.total,
    done: doc.done,
    percent: percentOf(doc.done, doc.total),
    categories
  }
}
