// Carries out a plan's issue and label operations within the run's write
// budget. The plan's order makes every prefix safe, so stopping early (budget
// spent, rate limit exhausted) only leaves work for the next run.
import type { WriteBudget } from './budget.ts'
import type { Reader } from './read.ts'
import { isRateLimit, messageOf, statusOf } from '../github/errors.ts'
import {
  addComment,
  createIssue,
  createLabel,
  hasComment,
  listIssues,
  renameLabel,
  updateIssue,
  type RepoRef
} from '../github/issues.ts'
import type { Client } from '../github/octokit-client.ts'
import { decodeMarker, goalKey } from '../sync/marker.ts'
import type { LedgerEntry } from '../sync/ledger.ts'
import type { MilestoneRef } from '../sync/milestones.ts'
import type { Op } from '../sync/ops.ts'

export interface Applied {
  created: number[]
  closed: number[]
  reopened: number[]
  updated: number[]
  /** Operations not done (budget or rate limit); the next run does them. */
  deferred: number
  /** Issues touched, for the summary. */
  touched: { number: number; what: string }[]
  stoppedBy: string | null
  /** What the ledger records for the writes that were done. */
  recorded: Map<number, LedgerEntry>
  /** The milestones the action made once this run is done (`milestones: true`), number → category. */
  milestones?: Map<number, string>
}

export function emptyApplied(): Applied {
  return {
    created: [],
    closed: [],
    reopened: [],
    updated: [],
    deferred: 0,
    touched: [],
    stoppedBy: null,
    recorded: new Map()
  }
}

/**
 * Non-idempotent writes are sent once (no automatic retry); when the answer is
 * lost (a 5xx, a dropped connection) these tell whether the write happened.
 */
export interface Recovery {
  /** The open issue carrying this goal key, if one exists now. */
  findIssue: (goalKey: string) => Promise<{ number: number; url: string } | null>
  /** Whether the action already posted this comment on the issue. */
  hasComment: (issue: number, body: string) => Promise<boolean>
}

/**
 * Recovery by reading GitHub again: an open issue this very run created for the
 * goal (its marker carries the run's nonce, its author is the action), and the
 * issue's comments.
 */
export function recoveryFor(reader: Reader): Recovery {
  const { client, at, settings, identity, nonce } = reader
  return {
    findIssue: async key => {
      const now = await listIssues(client, at, { labels: settings.label })
      const mine = now
        .filter(i => i.state === 'open')
        .map(i => ({ issue: i, marker: decodeMarker(i.body) }))
        .filter(
          ({ marker: m }) =>
            m !== null &&
            m.nonce === nonce &&
            m.file === settings.path &&
            goalKey(m.category, m.title, m.n) === key
        )
        .sort((x, y) => y.issue.number - x.issue.number)
      for (const { issue } of mine) {
        if (await identity.owns(issue.author)) return { number: issue.number, url: issue.htmlUrl }
      }
      return null
    },
    hasComment: (n, body) => hasComment(client, at, n, body)
  }
}

export const answerLost = (error: unknown) => {
  const status = statusOf(error)
  return status === undefined || status >= 500
}

export async function applyOps(
  client: Client,
  at: RepoRef,
  ops: readonly Op[],
  budget: WriteBudget,
  result: Applied,
  options: {
    reserve?: number
    recovery: Recovery
    log?: (message: string) => void
    /** A milestone reference's number (see MilestoneBook); without it, none is sent. */
    milestoneOf?: (ref: MilestoneRef | undefined) => number | null | undefined
  }
): Promise<Applied> {
  const reserve = options.reserve ?? 0
  const log = options.log ?? (() => {})
  const spend = () => budget.take(1, reserve)
  const milestone = (ref: MilestoneRef | undefined) =>
    options.milestoneOf ? options.milestoneOf(ref) : undefined
  const noteOnce = (list: number[], n: number) => {
    if (!list.includes(n)) list.push(n)
  }
  // Labels GitHub renamed in this run (lower-cased old name → new name).
  const renamed = new Map<string, string>()
  for (let k = 0; k < ops.length; k++) {
    let op = ops[k]!
    if (op.kind === 'update-issue' && result.stoppedBy === null) {
      const needed = afterRenames(op, renamed)
      if (needed === null) {
        // The rename relabelled the issue: nothing to send, the ledger records the move.
        if (op.record) result.recorded.set(op.number, op.record)
        continue
      }
      op = needed
    }
    if (result.stoppedBy !== null || !spend()) {
      result.deferred += ops.length - k
      result.stoppedBy ??= `the write budget (max-writes: ${budget.limit}) is spent`
      break
    }
    try {
      switch (op.kind) {
        case 'create-label':
          log(
            `label "${op.name}": ${await createLabel(client, at, op.name, op.color, op.description)}`
          )
          break
        case 'rename-label':
          {
            const outcome = await renameLabel(client, at, op)
            if (outcome === 'renamed') renamed.set(op.from.toLowerCase(), op.to)
            log(`label "${op.from}" → "${op.to}": ${outcome}`)
          }
          break
        case 'create-issue': {
          let issue: { number: number; url: string } | null
          try {
            issue = await createIssue(client, at, { ...op, milestone: milestone(op.milestone) })
          } catch (error) {
            if (!answerLost(error)) throw error
            issue = await options.recovery.findIssue(op.goal)
            if (!issue) throw error
            log(`issue #${issue.number} was created although its answer was lost`)
          }
          result.created.push(issue.number)
          result.recorded.set(issue.number, op.record)
          result.touched.push({ number: issue.number, what: `created for line ${op.line}` })
          if (op.close) {
            if (!spend()) {
              // The issue exists and its marker says open: the next run sees the ticked box and closes it.
              result.deferred += 1
              continue
            }
            await updateIssue(client, at, issue.number, {
              state: 'closed',
              stateReason: 'completed',
              body: op.close.body
            })
            result.closed.push(issue.number)
            result.recorded.set(issue.number, { ...op.record, synced: 'closed' })
          }
          break
        }
        case 'update-issue': {
          // A removal says why before it records itself as done, so a run stopped in between says it again.
          if (op.comment && !(await options.recovery.hasComment(op.number, op.comment))) {
            try {
              await addComment(client, at, op.number, op.comment)
            } catch (error) {
              if (!answerLost(error) || !(await options.recovery.hasComment(op.number, op.comment)))
                throw error
            }
            if (!spend()) {
              result.deferred += 1
              continue
            }
          }
          await updateIssue(client, at, op.number, { ...op, milestone: milestone(op.milestone) })
          if (op.record) result.recorded.set(op.number, op.record)
          if (op.effect === 'closed') noteOnce(result.closed, op.number)
          else if (op.effect === 'reopened') noteOnce(result.reopened, op.number)
          else if (op.title !== undefined || op.labels !== undefined)
            noteOnce(result.updated, op.number)
          result.touched.push({ number: op.number, what: op.why })
          break
        }
      }
    } catch (error) {
      if (!isRateLimit(error)) throw error
      result.stoppedBy = `GitHub's rate limit (${messageOf(error)})`
      result.deferred += ops.length - k
      break
    }
  }
  return result
}

const sameLabelSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every(l => b.some(m => m.toLowerCase() === l.toLowerCase()))

/**
 * The update still worth sending once this run's label renames landed: without
 * its labels when GitHub's rename gave the issue exactly those; null when
 * nothing else was to change (state, title, milestone).
 */
export function afterRenames(
  op: Extract<Op, { kind: 'update-issue' }>,
  renamed: ReadonlyMap<string, string>
): Extract<Op, { kind: 'update-issue' }> | null {
  if (!op.labels || !op.labelsNow || renamed.size === 0) return op
  const now = op.labelsNow.map(l => renamed.get(l.toLowerCase()) ?? l)
  if (!sameLabelSet(now, op.labels)) return op
  const rest = { ...op }
  delete rest.labels
  delete rest.labelsNow
  const other =
    rest.state !== undefined ||
    rest.title !== undefined ||
    rest.milestone !== undefined ||
    rest.comment !== undefined
  return other ? rest : null
}
