// The read stage: everything a run decides from, read once. What the decision
// may additionally need (the action's issues that lost their label, the push's
// before-version, the existing labels) is read only when a first look at the
// plan shows it matters, so a run with nothing to do stays within its read bound.
import { DEFAULT_CONFIG, parseConfig, type FileConfig } from './config.ts'
import { classifyEvent, type RunKind } from './event.ts'
import { labelStyles } from './label-style.ts'
import type { Settings } from '../action/settings.ts'
import { ActionError, statusOf } from '../github/errors.ts'
import { branchExists, defaultBranch, readFile, type RepoFile } from '../github/files.ts'
import { Identity } from '../github/identity.ts'
import {
  getTrackedIssue,
  labelNames,
  listTrackedIssues,
  roleOf,
  toTracked,
  type RepoRef
} from '../github/issues.ts'
import type { Client } from '../github/octokit-client.ts'
import { planSync, type PlanSettings } from '../sync/plan.ts'
import type { TrackedIssue } from '../sync/tracked-issue.ts'

export type Work = Exclude<RunKind, { kind: 'skip' }>

/** What the reads of one run need: the settings, the client and who the action is. */
export interface Reader {
  settings: Settings
  client: Client
  at: RepoRef
  identity: Identity
}

/** The issue side of a run: the action's issues, and what the plan needed besides. */
export interface IssueSide {
  issues: TrackedIssue[]
  /** The goals file before the push: absent when not read, null when it did not exist. */
  before?: string | null
}

/** What an issues event is about, as read from GitHub. */
export interface IssueFacts {
  /** The issue of the payload, if it is the action's. */
  tracked: TrackedIssue | null
  /** The sender's role; null when not asked (the issue is not the action's). */
  role: { role: string; mayTriage: boolean } | null
  /** The issue as it is now (the event may be stale); null when not read or gone. */
  current: TrackedIssue | null
}

export interface Snapshot {
  branch: string
  work: Work
  config: FileConfig
  plan: PlanSettings
  goals: RepoFile
  /** Null for an issues event that needs no listing. */
  side: IssueSide | null
  event: IssueFacts | null
}

export type Started =
  | { kind: 'skip'; branch: string; reason: string }
  | { kind: 'run'; reader: Reader; snapshot: Snapshot }

export async function readSnapshot(
  settings: Settings,
  client: Client,
  eventName: string,
  payload: Record<string, unknown>
): Promise<Started> {
  const at: RepoRef = { owner: settings.owner, repo: settings.repo }
  const repository = payload.repository as { default_branch?: string } | undefined
  const branch = settings.branch ?? repository?.default_branch ?? (await defaultBranch(client, at))
  const work = classifyEvent(eventName, payload, branch)
  if (work.kind === 'skip') return { kind: 'skip', branch, reason: work.reason }

  const configFile = await readFile(client, at, settings.config, branch)
  const config = configFile ? parseConfig(configFile.text, settings.config) : DEFAULT_CONFIG
  const goals = await readGoals(client, at, settings.path, branch)
  const reader: Reader = { settings, client, at, identity: new Identity(client, config.botLogin) }
  const plan = planSettingsOf(settings, config, at, branch)
  let event: IssueFacts | null = null
  let side: IssueSide | null = null
  if (work.kind === 'issue') {
    event = await readIssueFacts(reader, payload, work)
    // The pull request is rebuilt from the branch each run, so it carries every pending issue-side change.
    if (settings.commit === 'pull-request' && event.current)
      side = await readIssueSide(reader, plan, goals.text, work)
  } else {
    side = await readIssueSide(reader, plan, goals.text, work)
  }
  return { kind: 'run', reader, snapshot: { branch, work, config, plan, goals, side, event } }
}

/**
 * The repository's labels, lower-cased (GitHub compares them without case): a
 * label may exist without any goal issue carrying it yet (a run cut short), and
 * this one read saves its write.
 */
export const readLabels = (reader: Reader) => labelNames(reader.client, reader.at)

/** After taking the lock: another run may have finished meanwhile, so the file and the issues are read again. */
export async function rereadSnapshot(reader: Reader, snapshot: Snapshot): Promise<Snapshot> {
  const { client, at, settings } = reader
  const goals = (await readFile(client, at, settings.path, snapshot.branch)) ?? snapshot.goals
  const side = await readIssueSide(reader, snapshot.plan, goals.text, snapshot.work)
  return { ...snapshot, goals, side }
}

async function readGoals(
  client: Client,
  at: RepoRef,
  path: string,
  branch: string
): Promise<RepoFile> {
  const goals = await readFile(client, at, path, branch)
  if (goals) return goals
  if (!(await branchExists(client, at, branch))) {
    throw new ActionError(
      `Branch "${branch}" does not exist in ${at.owner}/${at.repo}: set the input "branch" to an existing branch, or leave it empty for the default branch.`
    )
  }
  throw new ActionError(
    `The goals file "${path}" is not on branch "${branch}": add it there, or set the input "path" to where it is.`
  )
}

function planSettingsOf(
  settings: Settings,
  config: FileConfig,
  at: RepoRef,
  branch: string
): PlanSettings {
  return {
    path: settings.path,
    label: settings.label,
    conflict: settings.conflict,
    syncTitles: settings.syncTitles,
    categoryLevel: config.headingLevel,
    fileUrl: `${settings.serverUrl}/${at.owner}/${at.repo}/blob/${encodeURIComponent(branch)}/${settings.path}`,
    assignees: config.assignees,
    labelStyle: labelStyles(config, settings.path)
  }
}

async function readIssueSide(
  reader: Reader,
  plan: PlanSettings,
  text: string,
  work: Work
): Promise<IssueSide> {
  const { client, at, settings, identity } = reader
  let issues = await listTrackedIssues(
    client,
    at,
    { labels: settings.label },
    settings.path,
    identity
  )
  const look = (list: TrackedIssue[]) => planSync({ text, issues: list, settings: plan })
  let first = look(issues)
  if (first.ops.some(op => op.kind === 'create-issue')) {
    // Before creating, find the action's issues that lost the common label (a person removed it),
    // so a goal never gets a second issue; the plan then puts the label back.
    const seen = new Set(issues.map(i => i.number))
    for (const creator of await identity.creators()) {
      const more = await listTrackedIssues(client, at, { creator }, settings.path, identity)
      issues = [...issues, ...more.filter(i => !seen.has(i.number) && seen.add(i.number))]
    }
    first = look(issues)
  }
  const side: IssueSide = { issues }
  // What the push changed only matters when something is out of step; a rerun of a synced push reads nothing more.
  if (work.kind === 'push' && (first.ops.length > 0 || first.edits.length > 0)) {
    side.before = work.before
      ? ((await readFile(client, at, settings.path, work.before))?.text ?? null)
      : null
  }
  return side
}

async function readIssueFacts(
  reader: Reader,
  payload: Record<string, unknown>,
  work: Extract<Work, { kind: 'issue' }>
): Promise<IssueFacts> {
  const { client, at, settings, identity } = reader
  const tracked = await toTracked(payload.issue as never, settings.path, identity)
  if (!tracked) return { tracked, role: null, current: null }
  const role = await roleOf(client, at, work.sender)
  const relevant = work.action !== 'edited' || (work.titleChanged && settings.syncTitles)
  if (!role.mayTriage || !relevant) return { tracked, role, current: null }
  // The event may be stale (closed, then reopened at once): act on the issue as it is now.
  try {
    const current = await getTrackedIssue(client, at, work.number, settings.path, identity)
    return { tracked, role, current: current ?? tracked }
  } catch (error) {
    if (statusOf(error) !== 404) throw error
    return { tracked, role, current: tracked }
  }
}
