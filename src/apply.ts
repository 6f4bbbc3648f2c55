// Carries out a plan's issue and label operations within the run's write
// budget. The plan's order makes every prefix safe, so stopping early (budget
// spent, rate limit exhausted) only leaves work for the next run.
import { isRateLimit, messageOf } from './github/errors.ts'
import {
  addComment,
  createIssue,
  createLabel,
  renameLabel,
  updateIssue,
  type RepoRef
} from './github/issues.ts'
import type { Client } from './github/octokit-client.ts'
import type { Op } from './sync/ops.ts'

export interface Applied {
  created: number[]
  closed: number[]
  reopened: number[]
  updated: number[]
  /** Operations not done (budget or rate limit); the next run does them. */
  deferred: number
  writes: number
  /** Issues touched, for the summary. */
  touched: { number: number; what: string }[]
  /** Goal key → issue number of the issues this run created. */
  createdFor: Map<string, number>
  stoppedBy: string | null
}

export function emptyApplied(): Applied {
  return {
    created: [],
    closed: [],
    reopened: [],
    updated: [],
    deferred: 0,
    writes: 0,
    touched: [],
    createdFor: new Map(),
    stoppedBy: null
  }
}

export async function applyOps(
  client: Client,
  at: RepoRef,
  ops: readonly Op[],
  budget: number,
  result: Applied = emptyApplied(),
  log: (message: string) => void = () => {}
): Promise<Applied> {
  const spend = () => {
    if (result.writes >= budget) return false
    result.writes++
    return true
  }
  const noteOnce = (list: number[], n: number) => {
    if (!list.includes(n)) list.push(n)
  }
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!
    if (result.stoppedBy !== null || !spend()) {
      result.deferred += ops.length - k
      result.stoppedBy ??= `the write budget (max-writes: ${budget}) is spent`
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
          log(`label "${op.from}" → "${op.to}": ${await renameLabel(client, at, op.from, op.to)}`)
          break
        case 'create-issue': {
          const issue = await createIssue(client, at, op)
          result.created.push(issue.number)
          result.createdFor.set(op.goal, issue.number)
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
          }
          break
        }
        case 'update-issue': {
          await updateIssue(client, at, op.number, op)
          if (op.effect === 'closed') noteOnce(result.closed, op.number)
          else if (op.effect === 'reopened') noteOnce(result.reopened, op.number)
          else if (op.title !== undefined || op.labels !== undefined)
            noteOnce(result.updated, op.number)
          result.touched.push({ number: op.number, what: op.why })
          if (op.comment) {
            if (!spend()) {
              result.deferred += 1
              continue
            }
            await addComment(client, at, op.number, op.comment)
          }
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
