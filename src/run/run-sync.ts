// One run of goals-sync, shared by the action and the command line:
// read (config, goals file, issues) → plan → apply → commit → report.
import { applyOps, emptyApplied, type Applied, type Recovery } from './apply.ts'
import { renderBadge, percentOf } from '../render/badge.ts'
import { WriteBudget } from './budget.ts'
import { DEFAULT_CONFIG, parseConfig } from './config.ts'
import { classifyEvent } from './event.ts'
import {
  BudgetSpent,
  commitAsPullRequest,
  commitToBranch,
  type CommitResult
} from '../github/commit.ts'
import { ActionError, isRateLimit, messageOf } from '../github/errors.ts'
import { branchExists, defaultBranch, readFile } from '../github/files.ts'
import { Identity } from '../github/identity.ts'
import { hasComment, labelNames, listTrackedIssues, type RepoRef } from '../github/issues.ts'
import { acquireLock, type Lock } from '../github/lock.ts'
import type { Client } from '../github/octokit-client.ts'
import { parseGoals } from '../goals/parse.ts'
import { decideIssueEvent } from './issue-event.ts'
import { labelStyles } from './label-style.ts'
import { refreshMarkers } from './marker-refresh.ts'
import type { Settings } from '../action/settings.ts'
import { applyGoalEdits } from '../sync/file-edits.ts'
import { keyOfIssue } from '../sync/match.ts'
import { writesOf, type GoalEdit, type Op } from '../sync/ops.ts'
import { planSync, type PlanSettings } from '../sync/plan.ts'
import type { TrackedIssue } from '../sync/tracked-issue.ts'

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
  lockTiming?: { perWriteMs: number; spareMs: number; maxWaitMs: number }
}

/** GOALS_SYNC_PACING=off: a local test server, where nothing needs GitHub's spacing. */
export const unpaced = (env: NodeJS.ProcessEnv) => env.GOALS_SYNC_PACING === 'off'

/** Lock timings to go with pacing off: writes are fast, so a dead run's lock expires fast too. */
export function unpacedTimings(
  env: NodeJS.ProcessEnv
): Pick<RunInput, 'lockPollMs' | 'lockTiming'> {
  return unpaced(env)
    ? { lockPollMs: 100, lockTiming: { perWriteMs: 200, spareMs: 5_000, maxWaitMs: 10_000 } }
    : {}
}

const needsLock = (op: Op) =>
  op.kind === 'create-issue' || (op.kind === 'update-issue' && op.comment !== undefined)

const DEFAULT_LOCK_TIMING = { perWriteMs: 4_000, spareMs: 5 * 60_000, maxWaitMs: 2 * 60_000 }
const LOCK_TAKE = 2
const LOCK_RELEASE = 1

/** Long enough for the planned writes at GitHub's pace (issue creation ≥ 3 s apart), plus the commit. */
function lockHoldMs(ops: readonly Op[], input: RunInput): number {
  const { perWriteMs, spareMs } = input.lockTiming ?? DEFAULT_LOCK_TIMING
  const writes = Math.min(
    input.settings.maxWrites,
    ops.reduce((n, op) => n + writesOf(op), 0)
  )
  return writes * perWriteMs + spareMs
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
  edits: GoalEdit[]
  applied: Applied
  commit: CommitResult | null
  warnings: string[]
  notes: string[]
}

function emptyReport(settings: Settings, skipped: string | null, branch: string | null): RunReport {
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

export async function runSync(input: RunInput): Promise<RunReport> {
  const { settings, client, payload, log } = input
  const at: RepoRef = { owner: settings.owner, repo: settings.repo }
  const repository = payload.repository as { default_branch?: string } | undefined
  const branch = settings.branch ?? repository?.default_branch ?? (await defaultBranch(client, at))
  const run = classifyEvent(input.eventName, payload, branch)
  if (run.kind === 'skip') return emptyReport(settings, run.reason, branch)

  const configFile = await readFile(client, at, settings.config, branch)
  const config = configFile ? parseConfig(configFile.text, settings.config) : DEFAULT_CONFIG
  const goals = await readFile(client, at, settings.path, branch)
  if (!goals) {
    if (!(await branchExists(client, at, branch))) {
      throw new ActionError(
        `Branch "${branch}" does not exist in ${at.owner}/${at.repo}: set the input "branch" to an existing branch, or leave it empty for the default branch.`
      )
    }
    throw new ActionError(
      `The goals file "${settings.path}" is not on branch "${branch}": add it there, or set the input "path" to where it is.`
    )
  }
  const identity = new Identity(client, config.botLogin)
  const fileUrl = `${settings.serverUrl}/${at.owner}/${at.repo}/blob/${encodeURIComponent(branch)}/${settings.path}`
  const planSettings: PlanSettings = {
    path: settings.path,
    label: settings.label,
    conflict: settings.conflict,
    syncTitles: settings.syncTitles,
    categoryLevel: config.headingLevel,
    fileUrl,
    assignees: config.assignees,
    labelStyle: labelStyles(config, settings.path)
  }
  const report = emptyReport(settings, null, branch)
  const budget = new WriteBudget(settings.maxWrites)
  const commitCost = settings.commit === 'none' ? 0 : settings.commit === 'pull-request' ? 4 : 3
  const level = config.headingLevel
  const planFor = async (text: string) => {
    let issues = await listTrackedIssues(
      client,
      at,
      { labels: settings.label },
      settings.path,
      identity
    )
    const plan = (list: TrackedIssue[], before?: string | null) =>
      planSync({
        text,
        ...(before !== undefined ? { before } : {}),
        issues: list,
        settings: planSettings
      })
    let result = plan(issues)
    if (result.ops.some(op => op.kind === 'create-issue')) {
      // Before creating, find the action's issues that lost the common label (a person removed it),
      // so a goal never gets a second issue; the plan then puts the label back.
      const seen = new Set(issues.map(i => i.number))
      for (const creator of await identity.creators()) {
        const more = await listTrackedIssues(client, at, { creator }, settings.path, identity)
        issues = [...issues, ...more.filter(i => !seen.has(i.number) && seen.add(i.number))]
      }
      result = plan(issues)
    }
    // What the push changed only matters when something is out of step; a rerun of a synced push reads nothing more.
    if (run.kind === 'push' && (result.ops.length > 0 || result.edits.length > 0)) {
      const before = run.before ? await readFile(client, at, settings.path, run.before) : null
      result = plan(issues, before?.text ?? null)
    }
    return result
  }

  let ops: Op[] = []
  let edits: GoalEdit[] = []
  let text = goals.text
  let lock: Lock | null = null
  let issueWrites = true
  try {
    if (run.kind === 'issue') {
      const decided = await decideIssueEvent(
        client,
        at,
        settings,
        payload,
        run,
        text,
        identity,
        level
      )
      report.notes.push(decided.note)
      edits = decided.edits
      if (edits.length > 0 && settings.commit === 'pull-request') {
        // The pull request is rebuilt from the branch each run: carry every issue-side change still pending.
        const pending = await planFor(text)
        edits = [...edits, ...pending.edits.filter(e => !edits.some(x => x.issue === e.issue))]
      }
    } else {
      let plan = await planFor(text)
      // Only writes that a second run would repeat (a new issue, a comment) need the lock;
      // closing, reopening or relabelling twice changes nothing.
      if (!settings.dryRun && plan.ops.some(needsLock)) {
        if (budget.left() < LOCK_TAKE + LOCK_RELEASE + commitCost + 1) {
          // Such writes come after the lock; a budget that cannot pay for it defers them all.
          issueWrites = false
          report.applied.deferred += plan.ops.length
          report.applied.stoppedBy = `the write budget (max-writes: ${budget.limit}) is too small for the lock and the commit`
        } else {
          lock = await tryLock(plan.ops)
          // Another run may have finished meanwhile: plan again on what it left.
          const fresh = await readFile(client, at, settings.path, branch)
          if (fresh) text = fresh.text
          plan = await planFor(text)
        }
      }
      ops = plan.ops
      if (ops.some(op => op.kind === 'create-label')) {
        // A label may exist without any goal issue carrying it yet (a run cut short); one read saves its write.
        const existing = await labelNames(client, at)
        ops = ops.filter(op => op.kind !== 'create-label' || !existing.has(op.name.toLowerCase()))
      }
      edits = plan.edits
      report.warnings.push(...plan.warnings)
    }
    report.ops = ops
    report.edits = edits
    const finalText = applyGoalEdits(text, edits, level).text
    summarise(finalText)
    if (!settings.dryRun) await applyAndCommit(finalText)
  } finally {
    if (lock) {
      budget.take(LOCK_RELEASE)
      await lock.release()
    }
    report.writes = budget.used
  }
  return report

  async function tryLock(planned: readonly Op[]): Promise<Lock | null> {
    try {
      budget.take(LOCK_TAKE)
      return await acquireLock(client, at, {
        branch,
        holdMs: lockHoldMs(planned, input),
        pollMs: input.lockPollMs,
        maxWaitMs: (input.lockTiming ?? DEFAULT_LOCK_TIMING).maxWaitMs,
        spend: () => budget.force(1),
        log: m => log.info(m)
      })
    } catch (error) {
      // The lock guards against rare overlaps; a server without it must not stop the sync.
      if (isRateLimit(error)) throw error
      log.warning(`Could not take the goals-sync lock (${messageOf(error)}); going on without it.`)
      return null
    }
  }

  function summarise(finalText: string) {
    const doc = parseGoals(finalText, { categoryLevel: level })
    report.total = doc.total
    report.done = doc.done
    report.percent = percentOf(doc.done, doc.total)
    report.categories = doc.categories.map(c => ({ name: c.name, done: c.done, total: c.total }))
    const loose = doc.goals.filter(g => g.category === null)
    if (loose.length > 0) {
      report.categories.unshift({
        name: null,
        done: loose.filter(g => g.checked).length,
        total: loose.length
      })
    }
  }

  async function produce(
    read: (path: string) => Promise<string | null>
  ): Promise<Map<string, string>> {
    const files = new Map<string, string>()
    const current = await read(settings.path)
    if (current === null) {
      throw new ActionError(
        `The goals file "${settings.path}" was deleted from "${branch}" during the run; nothing was committed.`
      )
    }
    const result = applyGoalEdits(current, edits, level)
    for (const missing of result.missing) {
      report.warnings.push(
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

  async function applyAndCommit(finalText: string) {
    const lockReserve = lock ? LOCK_RELEASE : 0
    const recovery: Recovery = {
      findIssue: async key => {
        const now = await listTrackedIssues(
          client,
          at,
          { labels: settings.label },
          settings.path,
          identity
        )
        const found = now
          .filter(i => i.state === 'open' && keyOfIssue(i) === key)
          .sort((x, y) => y.number - x.number)[0]
        return found ? { number: found.number, url: found.htmlUrl } : null
      },
      hasComment: (n, body) => hasComment(client, at, n, body)
    }
    // A run that changes nothing in the file or badge reads no more and commits nothing.
    const badgeStale = async () =>
      settings.badge !== null &&
      (await readFile(client, at, settings.badge, branch))?.text !==
        renderBadge(report.done, report.total)
    // An issue event that changes no line leaves a stale badge to the next full run: it stays within the read bound.
    const needsCommit =
      settings.commit !== 'none' &&
      (finalText !== text || (run.kind !== 'issue' && (await badgeStale())))
    if (issueWrites) {
      await applyOps(client, at, ops, budget, report.applied, {
        reserve: lockReserve + (needsCommit ? commitCost : 0),
        recovery,
        log: m => log.info(m)
      })
    }
    if (report.applied.stoppedBy) {
      log.warning(
        `Stopped early: ${report.applied.stoppedBy}. ${report.applied.deferred} operation(s) left for the next run.`
      )
    }
    if (!needsCommit) return
    try {
      const mayWrite = () => budget.take(commitCost, lockReserve)
      report.commit =
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
      if (report.commit.sha)
        log.info(`Committed ${report.commit.files.join(' and ')} as ${report.commit.sha}`)

      // Only once the branch holds an issue's change does its marker record it (see `conflict: latest`);
      // a pull request is not on the branch yet.
      if (edits.length > 0 && report.commit.sha && settings.commit === 'push') {
        await refreshMarkers(
          client,
          at,
          edits,
          planSettings,
          report.commit.sha,
          budget,
          report.applied,
          {
            reserve: lockReserve,
            recovery
          }
        )
      }
    } catch (error) {
      if (!isRateLimit(error) && !(error instanceof BudgetSpent)) throw error
      // The issues are done as far as they went; the file waits for the next run.
      report.applied.stoppedBy ??=
        error instanceof BudgetSpent
          ? `the write budget (max-writes: ${budget.limit}) is spent`
          : `GitHub's rate limit (${messageOf(error)})`
      report.applied.deferred += 1
      log.warning('The goals file could not be committed in this run; the next run commits it.')
    }
  }
}
