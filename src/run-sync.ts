// One run of goals-sync, shared by the action and the command line:
// read (config, goals file, issues) → plan → apply → commit → report.
import { applyOps, emptyApplied, type Applied, type Recovery } from './apply.ts'
import { WriteBudget } from './budget.ts'
import { renderBadge, percentOf } from './badge.ts'
import { DEFAULT_CONFIG, parseConfig } from './config.ts'
import { classifyEvent } from './event.ts'
import {
  BudgetSpent,
  commitAsPullRequest,
  commitToBranch,
  type CommitResult,
  type Produce
} from './github/commit.ts'
import { ActionError, isRateLimit, messageOf, statusOf } from './github/errors.ts'
import { Identity } from './github/identity.ts'
import { acquireLock, type Lock } from './github/lock.ts'
import { branchExists, defaultBranch, readFile } from './github/files.ts'
import {
  getTrackedIssue,
  hasComment,
  labelNames,
  listTrackedIssues,
  roleOf,
  toTracked,
  type RepoRef
} from './github/issues.ts'
import type { Client } from './github/octokit-client.ts'
import { parseGoals } from './goals/parse.ts'
import { labelStyles } from './label-style.ts'
import type { Settings } from './settings.ts'
import { issueBody } from './sync/body.ts'
import { applyGoalEdits } from './sync/file-edits.ts'
import { goalKey, type Marker } from './sync/marker.ts'
import { keyOfGoal, keyOfIssue } from './sync/match.ts'
import { writesOf, type GoalEdit, type Op } from './sync/ops.ts'
import { planSync, sameMarker, type PlanSettings } from './sync/plan.ts'
import { issueTitle } from './sync/text.ts'

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
  /** Time per write and spare time the lock is held for (ms); defaults suit GitHub's pacing. */
  lockTiming?: { perWriteMs: number; spareMs: number }
}

/** GOALS_SYNC_PACING=off: a local test server, where nothing needs GitHub's spacing. */
export const unpaced = (env: NodeJS.ProcessEnv) => env.GOALS_SYNC_PACING === 'off'

/** Lock timings to go with pacing off: writes are fast, so a dead run's lock expires fast too. */
export function unpacedTimings(
  env: NodeJS.ProcessEnv
): Pick<RunInput, 'lockPollMs' | 'lockTiming'> {
  return unpaced(env) ? { lockPollMs: 100, lockTiming: { perWriteMs: 200, spareMs: 5_000 } } : {}
}

const LOCK_TAKE = 2
const LOCK_RELEASE = 1

/** Long enough for the planned writes at GitHub's pace (issue creation ≥ 3 s apart), plus the commit. */
function lockHoldMs(ops: readonly Op[], input: RunInput): number {
  const { perWriteMs, spareMs } = input.lockTiming ?? { perWriteMs: 4_000, spareMs: 5 * 60_000 }
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

const TRIAGE_OR_MORE = ['admin', 'maintain', 'write', 'triage']

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
  let goals = await readFile(client, at, settings.path, branch)
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

  let ops: Op[] = []
  let edits: GoalEdit[] = []
  let lock: Lock | null = null
  const budget = new WriteBudget(settings.maxWrites)
  const commitCost = settings.commit === 'none' ? 0 : settings.commit === 'pull-request' ? 4 : 3
  if (run.kind === 'issue') {
    const decided = await decideIssueEvent(
      input,
      at,
      run,
      goals.text,
      identity,
      config.headingLevel
    )
    report.notes.push(decided.note)
    edits = decided.edits
  } else {
    const planFor = async (text: string) => {
      const issues = await listTrackedIssues(client, at, settings.label, settings.path, identity)
      let plan = planSync({ text, issues, settings: planSettings })
      // What the push changed only matters when something is out of step; a rerun of a synced push reads nothing more.
      if (run.kind === 'push' && (plan.ops.length > 0 || plan.edits.length > 0)) {
        const before = run.before ? await readFile(client, at, settings.path, run.before) : null
        plan = planSync({ text, before: before?.text ?? null, issues, settings: planSettings })
      }
      return plan
    }
    let plan = await planFor(goals.text)
    const lockCost = LOCK_TAKE + LOCK_RELEASE
    if (plan.ops.length > 0 && !settings.dryRun && budget.left() >= lockCost + commitCost + 1) {
      // Issue writes wait for any other run, then plan again on what that run left.
      try {
        budget.take(LOCK_TAKE)
        lock = await acquireLock(client, at, {
          branch,
          holdMs: lockHoldMs(plan.ops, input),
          pollMs: input.lockPollMs,
          log: m => log.info(m)
        })
      } catch (error) {
        // The lock guards against rare overlaps; a server without it must not stop the sync.
        if (isRateLimit(error)) throw error
        log.warning(
          `Could not take the goals-sync lock (${messageOf(error)}); going on without it.`
        )
      }
      const fresh = await readFile(client, at, settings.path, branch)
      if (fresh) goals = fresh
      plan = await planFor(goals.text)
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

  const level = config.headingLevel
  const produce: Produce = async read => {
    const files = new Map<string, string>()
    const current = await read(settings.path)
    if (current === null)
      throw new ActionError(
        `The goals file "${settings.path}" was deleted from "${branch}" during the run; nothing was committed.`
      )
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

  const readText = goals.text
  const finalText = applyGoalEdits(readText, edits, level).text
  const finalDoc = parseGoals(finalText, { categoryLevel: level })
  report.total = finalDoc.total
  report.done = finalDoc.done
  report.percent = percentOf(finalDoc.done, finalDoc.total)
  report.categories = finalDoc.categories.map(c => ({ name: c.name, done: c.done, total: c.total }))
  const loose = finalDoc.goals.filter(g => g.category === null)
  if (loose.length > 0)
    report.categories.unshift({
      name: null,
      done: loose.filter(g => g.checked).length,
      total: loose.length
    })

  if (settings.dryRun) return report
  const recovery: Recovery = {
    findIssue: async key => {
      const now = await listTrackedIssues(client, at, settings.label, settings.path, identity)
      const found = now
        .filter(i => i.state === 'open' && keyOfIssue(i) === key)
        .sort((x, y) => y.number - x.number)[0]
      return found ? { number: found.number, url: found.htmlUrl } : null
    },
    hasComment: (n, body) => hasComment(client, at, n, body)
  }
  const lockReserve = lock ? LOCK_RELEASE : 0
  try {
    await applyAndCommit()
  } finally {
    if (lock) {
      budget.take(LOCK_RELEASE)
      await lock.release()
    }
    report.writes = budget.used
  }
  return report

  async function applyAndCommit() {
    // A run that changes nothing in the file or badge reads no more and commits nothing.
    const badgeStale = async () =>
      settings.badge !== null &&
      (await readFile(client, at, settings.badge, branch))?.text !==
        renderBadge(finalDoc.done, finalDoc.total)
    const needsCommit =
      settings.commit !== 'none' && (finalText !== readText || (await badgeStale()))
    await applyOps(client, at, ops, budget, report.applied, {
      reserve: lockReserve + (needsCommit ? commitCost : 0),
      recovery,
      log: m => log.info(m)
    })
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
        await refreshMarkers(input, at, edits, planSettings, report, budget, {
          reserve: lockReserve,
          recovery
        })
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

async function refreshMarkers(
  input: RunInput,
  at: RepoRef,
  edits: GoalEdit[],
  settings: PlanSettings,
  report: RunReport,
  budget: WriteBudget,
  options: { reserve: number; recovery: Recovery }
) {
  const { client } = input
  const text =
    (await readFile(client, at, settings.path, report.commit?.sha ?? report.branch!))?.text ?? ''
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
    const deferred = report.applied.deferred
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
      report.applied,
      options
    )
    if (report.applied.deferred > deferred) break
  }
}

/** The key a goal has once an edit is applied to it. */
function applyTarget(edit: GoalEdit): string {
  if (edit.title === undefined) return edit.key
  const [category, , n] = JSON.parse(edit.key) as [string | null, string, number]
  return goalKey(category, edit.title.replace(/[\r\n]+/g, ' ').trim(), n)
}

async function decideIssueEvent(
  input: RunInput,
  at: RepoRef,
  run: {
    action: 'closed' | 'reopened' | 'edited'
    number: number
    sender: string
    titleChanged: boolean
  },
  text: string,
  identity: Identity,
  level: number
): Promise<{ edits: GoalEdit[]; note: string }> {
  const { client, settings, payload } = input
  const fromPayload = await toTracked(payload.issue as never, settings.path, identity)
  if (!fromPayload) {
    return {
      edits: [],
      note: `Issue #${run.number} was not created by goals-sync for ${settings.path}; ignored.`
    }
  }
  const role = await roleOf(client, at, run.sender)
  if (!TRIAGE_OR_MORE.includes(role)) {
    return {
      edits: [],
      note: `Issue #${run.number} was ${run.action} by ${run.sender}, whose role is "${role}"; only triage or more changes the goals file. Ignored.`
    }
  }
  if (run.action === 'edited' && (!run.titleChanged || !settings.syncTitles)) {
    return {
      edits: [],
      note: `Issue #${run.number} was edited, but ${settings.syncTitles ? 'not its title' : 'sync-titles is off'}; nothing to do.`
    }
  }
  // The event may be stale (closed, then reopened at once): act on the issue as it is now.
  let issue = fromPayload
  try {
    issue = (await getTrackedIssue(client, at, run.number, settings.path, identity)) ?? fromPayload
  } catch (error) {
    if (statusOf(error) !== 404) throw error
  }
  const doc = parseGoals(text, { categoryLevel: level })
  const m = issue.marker
  let index = doc.goals.findIndex((_, i) => keyOfGoal(doc, i) === goalKey(m.category, m.title, m.n))
  if (index === -1) {
    const sameTitle = doc.goals.flatMap((g, i) => (g.title === m.title ? [i] : []))
    if (sameTitle.length === 1) index = sameTitle[0]!
  }
  if (index === -1) {
    return {
      edits: [],
      note: `The goal of issue #${run.number} ("${m.title}") is not in ${settings.path}; a scheduled or manual run will settle it.`
    }
  }
  const goal = doc.goals[index]!
  const key = keyOfGoal(doc, index)
  if (run.action === 'edited') {
    if (issue.title === issueTitle(goal.title) || issue.title.trim() === '') {
      return { edits: [], note: `Issue #${run.number}'s title already matches its goal.` }
    }
    return {
      edits: [
        {
          key,
          issue: issue.number,
          marker: m,
          title: issue.title,
          why: `issue retitled by ${run.sender}`
        }
      ],
      note: `Goal retitled from issue #${run.number}.`
    }
  }
  const closed = issue.state === 'closed'
  return {
    edits: [
      {
        key,
        issue: issue.number,
        marker: m,
        checked: closed,
        why: `issue ${closed ? 'closed' : 'reopened'} by ${run.sender}`
      }
    ],
    note: `Issue #${run.number} is ${closed ? 'closed: goal ticked' : 'open: goal unticked'}.`
  }
}
