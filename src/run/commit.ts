// The commit stage: the goals file with the decided edits, and the badge, in
// one commit on top of the branch head (or a pull request). The edits are
// applied again to whatever the head holds then, found by goal key.
import type { Applied, Recovery } from './apply.ts'
import type { WriteBudget } from './budget.ts'
import { commitCost } from './guard.ts'
import { refreshMarkers } from './marker-refresh.ts'
import type { Reader, Snapshot } from './read.ts'
import {
  BudgetSpent,
  commitAsPullRequest,
  commitToBranch,
  type CommitResult,
  type Produce
} from '../github/commit.ts'
import { ActionError, isRateLimit, messageOf } from '../github/errors.ts'
import { readFile } from '../github/files.ts'
import { parseGoals } from '../goals/parse.ts'
import { renderBadge } from '../render/badge.ts'
import { applyGoalEdits } from '../sync/file-edits.ts'
import type { GoalEdit } from '../sync/ops.ts'

export interface Commit {
  commit: CommitResult | null
  /** Why the commit waits for the next run (budget or rate limit), or null. */
  deferredBy: string | null
  warnings: string[]
}

/**
 * Whether the run has anything to commit. A run that changes nothing in the
 * file reads the badge to see whether it is stale; an issue event that changes
 * no line leaves a stale badge to the next full run, so it stays within its read bound.
 */
export async function commitNeeded(
  reader: Reader,
  snapshot: Snapshot,
  finalText: string,
  progress: { done: number; total: number }
): Promise<boolean> {
  const { settings, client, at } = reader
  if (settings.commit === 'none') return false
  if (finalText !== snapshot.goals.text) return true
  if (snapshot.work.kind === 'issue' || settings.badge === null) return false
  const badge = await readFile(client, at, settings.badge, snapshot.branch)
  return badge?.text !== renderBadge(progress.done, progress.total)
}

export async function commitStage(
  reader: Reader,
  snapshot: Snapshot,
  edits: readonly GoalEdit[],
  budget: WriteBudget,
  options: {
    /** Writes kept back for what follows (releasing the lock). */
    reserve: number
    applied: Applied
    recovery: Recovery
    log: (message: string) => void
  }
): Promise<Commit> {
  const { settings, client, at } = reader
  const { branch } = snapshot
  const level = snapshot.config.headingLevel
  const warnings: string[] = []
  const produce: Produce = async read => {
    const files = new Map<string, string>()
    const current = await read(settings.path)
    if (current === null) {
      throw new ActionError(
        `The goals file "${settings.path}" was deleted from "${branch}" during the run; nothing was committed.`
      )
    }
    const result = applyGoalEdits(current, edits, level)
    for (const missing of result.missing) {
      warnings.push(
        `goal for issue #${missing.issue} is no longer in ${settings.path}; its change (${missing.why}) was not written`
      )
    }
    if (result.text !== current) files.set(settings.path, result.text)
    if (settings.badge) {
      const doc = parseGoals(result.text, { categoryLevel: level })
      const svg = renderBadge(doc.done, doc.total)
      if ((await read(settings.badge)) !== svg) files.set(settings.badge, svg)
    }
    return files
  }
  const mayWrite = () => budget.take(commitCost(settings.commit), options.reserve)
  let commit: CommitResult | null = null
  try {
    commit =
      settings.commit === 'pull-request'
        ? await commitAsPullRequest(client, at, {
            branch,
            message: settings.commitMessage,
            produce,
            mayWrite,
            prBranch: `goals-sync/${branch}`,
            title: 'Sync goals progress',
            body: `goals-sync could not push to \`${branch}\` directly, so here are the counters, badge and goal changes of the latest sync.`
          })
        : await commitToBranch(client, at, {
            branch,
            message: settings.commitMessage,
            produce,
            mayWrite
          })
    if (commit.sha) options.log(`Committed ${commit.files.join(' and ')} as ${commit.sha}`)

    // Only once the branch holds an issue's change does its marker record it (see `conflict: latest`);
    // a pull request is not on the branch yet.
    if (edits.length > 0 && commit.sha && settings.commit === 'push') {
      await refreshMarkers(client, at, edits, snapshot.plan, commit.sha, budget, options.applied, {
        reserve: options.reserve,
        recovery: options.recovery
      })
    }
    return { commit, deferredBy: null, warnings }
  } catch (error) {
    if (!isRateLimit(error) && !(error instanceof BudgetSpent)) throw error
    // The issues are done as far as they went; the file waits for the next run.
    return {
      commit,
      deferredBy:
        error instanceof BudgetSpent
          ? `the write budget (max-writes: ${budget.limit}) is spent`
          : `GitHub's rate limit (${messageOf(error)})`,
      warnings
    }
  }
}
