// The read stage: everything a run decides from, read once. What the decision
// may additionally need (the action's issues that lost their label, the push's
// before-version, the existing labels) is read only when a first look at the
// plan shows it matters, so a run with nothing to do stays within its read bound.
import { DEFAULT_CONFIG, parseConfig, type FileConfig } from './config.ts'
import { classifyEvent, type RunKind } from './event.ts'
import { labelStyles } from './label-style.ts'
import type { Siblings } from './outputs.ts'
import type { Settings } from '../action/settings.ts'
import { ActionError } from '../github/errors.ts'
import {
  branchExists,
  defaultBranch,
  readFile,
  readHead,
  type Head,
  type RepoFile
} from '../github/files.ts'
import { Identity } from '../github/identity.ts'
import { getIssue, labelNames, listIssues, roleOf, type RepoRef } from '../github/issues.ts'
import { readLedgerRef } from '../github/ledger-store.ts'
import { listMilestones } from '../github/milestones.ts'
import type { Client } from '../github/octokit-client.ts'
import { parseGoals } from '../goals/parse.ts'
import {
  emptyLedger,
  LEDGER_FILE,
  parseLedger,
  type Ledger,
  type LedgerEntry
} from '../sync/ledger.ts'
import { goalKey } from '../sync/marker.ts'
import type { ExistingMilestone } from '../sync/milestones.ts'
import type { Move } from '../sync/moves.ts'
import { adoptable, markedIssues, trackedIssues, type MarkedIssue } from '../sync/ownership.ts'
import { planSync, type PlanSettings } from '../sync/plan.ts'
import type { ListedIssue, TrackedIssue } from '../sync/tracked-issue.ts'

export type Work = Exclude<RunKind, { kind: 'skip' }>

/** What the reads of one run need: the settings, the client and who the action is. */
export interface Reader {
  settings: Settings
  client: Client
  at: RepoRef
  identity: Identity
  /** This run's nonce (see the ledger's recovery). */
  nonce: string
  /** Issues whose goal moved to another goals file (several files; see moves.ts). */
  moves?: ReadonlyMap<number, Move>
}

export interface LoadedLedger {
  ledger: Ledger
  /** The text where this run keeps it; null when it is not there yet (so it is written). */
  stored: string | null
  /** The ledger ref's commit, for its compare-and-swap (pull-request and none modes). */
  refCommit: string | null
  /** Entries this run found rather than read (a rebuilt ledger, adopted issues). */
  added: Map<number, LedgerEntry>
}

/** The issue side of a run: the action's issues, and what the plan needed besides. */
export interface IssueSide {
  /** Every issue read (by label, and the ledger's by number when needed). */
  listed: ListedIssue[]
  /** The ledger's issues among them. */
  issues: TrackedIssue[]
  /** The goals file before the push: absent when not read, null when it did not exist. */
  before?: string | null
}

/** What an issues event is about, as read from GitHub. */
export interface IssueFacts {
  /** The issue as it is now (the event may be stale), if the ledger says it is the action's. */
  tracked: TrackedIssue | null
  /** The sender's role; null when not asked (the issue is not the action's). */
  role: { role: string; mayTriage: boolean } | null
  /** Opened or labelled: the issue as it is now, when it is not the action's yet (it may become a goal). */
  candidate?: ListedIssue | null
  /** The candidate is in the ledger already (a rerun of the event that made it a goal). */
  inLedger?: boolean
  /** Why an opened or labelled issue cannot become a goal in this run, before reading it. */
  refused?: string
}

export interface Snapshot {
  branch: string
  /** When the issues were listed (ms): the hourly creation limit counts back from it. */
  readAt: number
  /** The commit the goals file and ledger were read at, when known (issue events; after the lock). */
  head: Head | null
  work: Work
  config: FileConfig
  plan: PlanSettings
  goals: RepoFile
  ledger: LoadedLedger
  side: IssueSide
  event: IssueFacts | null
  /** Every milestone of the repository; read only with `milestones: true` (one listing). */
  milestones?: ExistingMilestone[]
  /** The other goals files, when `path` names several (for the badge and card totals). */
  siblings?: Siblings
  warnings: string[]
}

export type Started =
  | { kind: 'skip'; branch: string; reason: string }
  | { kind: 'run'; reader: Reader; snapshot: Snapshot }

export async function readSnapshot(
  settings: Settings,
  client: Client,
  eventName: string,
  payload: Record<string, unknown>,
  nonce: string,
  now: () => number = Date.now,
  moves?: ReadonlyMap<number, Move>
): Promise<Started> {
  const at: RepoRef = { owner: settings.owner, repo: settings.repo }
  const repository = payload.repository as { default_branch?: string } | undefined
  const branch = settings.branch ?? repository?.default_branch ?? (await defaultBranch(client, at))
  const work = classifyEvent(eventName, payload, branch, settings.label)
  if (work.kind === 'skip') return { kind: 'skip', branch, reason: work.reason }

  // An issue event nearly always commits: knowing the head it read at, the commit reads nothing more.
  // Other runs read at the branch and learn the head only if they take the lock.
  const head = work.kind === 'issue' ? await readHead(client, at, branch) : null
  const ref = head?.sha ?? branch
  const configFile = await readFile(client, at, settings.config, ref)
  const config = configFile ? parseConfig(configFile.text, settings.config) : DEFAULT_CONFIG
  const goals = await readGoals(client, at, settings.path, branch, ref)
  const identity = new Identity(client, config.botLogin)
  const reader: Reader = { settings, client, at, identity, nonce, ...(moves ? { moves } : {}) }
  const plan = planSettingsOf(settings, config, at, branch, nonce)
  const warnings: string[] = []
  const ledger = await readLedger(reader, branch, ref, null)
  const side = await readIssueSide(reader, branch, plan, goals.text, work, ledger, null, warnings)
  const event = work.kind === 'issue' ? await readIssueFacts(reader, work, ledger, side) : null
  // An issues event only edits the file: the milestones follow at the next full run.
  const milestones =
    settings.milestones && work.kind !== 'issue' ? await listMilestones(client, at) : undefined
  return {
    kind: 'run',
    reader,
    snapshot: {
      branch,
      readAt: now(),
      head,
      work,
      config,
      plan,
      goals,
      ledger,
      side,
      event,
      ...(milestones ? { milestones } : {}),
      warnings
    }
  }
}

/**
 * The repository's labels, lower-cased (GitHub compares them without case): a
 * label may exist without any goal issue carrying it yet (a run cut short), and
 * this one read saves its write.
 */
export const readLabels = (reader: Reader) => labelNames(reader.client, reader.at)

/**
 * After taking the lock, at the head read for it: another run may have
 * committed meanwhile, so the goals file and the ledger are read again there;
 * only if either changed, or the lock lists other runs' pending nonces (issues
 * to adopt), are the issues listed again.
 */
export async function rereadSnapshot(
  reader: Reader,
  snapshot: Snapshot,
  pending: ReadonlySet<string>,
  head: Head
): Promise<Snapshot> {
  const { client, at, settings } = reader
  const goals = await readGoals(client, at, settings.path, snapshot.branch, head.sha)
  const ledger = await readLedger(reader, snapshot.branch, head.sha, snapshot.ledger)
  const foreign = [...pending].some(n => n !== reader.nonce)
  if (goals.sha === snapshot.goals.sha && ledger.stored === snapshot.ledger.stored && !foreign)
    return { ...snapshot, head }
  const warnings: string[] = []
  const side = await readIssueSide(
    reader,
    snapshot.branch,
    snapshot.plan,
    goals.text,
    snapshot.work,
    ledger,
    pending,
    warnings
  )
  return { ...snapshot, head, goals, ledger, side, warnings }
}

/**
 * The ledger where this run keeps it, else where a run in another commit mode
 * left it (read once per run: `earlier` is this run's first read), else empty.
 */
async function readLedger(
  reader: Reader,
  branch: string,
  ref: string,
  earlier: LoadedLedger | null
): Promise<LoadedLedger> {
  const [mine] = ledgerCopies(reader, branch, ref)
  const own = await mine()
  if (own)
    return moved(reader, {
      ledger: own.ledger,
      stored: own.text,
      refCommit: own.commit,
      added: new Map()
    })
  if (earlier && earlier.stored === null) return { ...earlier, added: new Map(earlier.added) }
  // Not here: the other copy is looked at once the issues are listed (see readIssueSide).
  return { ledger: emptyLedger(), stored: null, refCommit: null, added: new Map() }
}

/**
 * A goal moved to another file: its issue is handed to that file with the
 * category it had, so the new file's plan settles it as a move between
 * categories; the change is recorded like an entry this run found.
 */
function moved(reader: Reader, loaded: LoadedLedger): LoadedLedger {
  for (const [n, move] of reader.moves ?? []) {
    const entry = loaded.ledger.issues.get(n)
    if (!entry || entry.file !== move.from) continue
    const next = { ...entry, file: move.to }
    loaded.ledger.issues.set(n, next)
    loaded.added.set(n, next)
  }
  return loaded
}

/** The two places a ledger may be, this commit mode's first. */
function ledgerCopies(reader: Reader, branch: string, ref = branch) {
  const { client, at, settings } = reader
  const fromFile = async () => {
    const file = await readFile(client, at, LEDGER_FILE, ref)
    return (
      file && {
        ledger: parseLedger(file.text, `${LEDGER_FILE} on "${branch}"`),
        text: file.text,
        commit: null
      }
    )
  }
  const fromRef = async () => {
    const ref = await readLedgerRef(client, at)
    return ref && { ...ref, ledger: parseLedger(ref.text, 'on refs/goals-sync/ledger') }
  }
  return settings.commit === 'push'
    ? ([fromFile, fromRef] as const)
    : ([fromRef, fromFile] as const)
}

/**
 * Before creating issues, the other copy of the ledger is read too: after a
 * switch of the commit mode it may list issues this copy does not (the higher
 * seq wins where both list a number), and they must not get twins.
 */
async function mergeOtherCopy(reader: Reader, branch: string, loaded: LoadedLedger) {
  if (loaded.stored === null) return
  const found = await ledgerCopies(reader, branch)[1]()
  if (!found) return
  const newer = found.ledger.seq > loaded.ledger.seq
  for (const [n, entry] of found.ledger.issues) {
    if (loaded.ledger.issues.has(n) && !newer) continue
    loaded.ledger.issues.set(n, entry)
    loaded.added.set(n, entry)
  }
}

async function readGoals(
  client: Client,
  at: RepoRef,
  path: string,
  branch: string,
  ref: string
): Promise<RepoFile> {
  const goals = await readFile(client, at, path, ref)
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
  branch: string,
  nonce: string
): PlanSettings {
  return {
    path: settings.path,
    label: settings.label,
    conflict: settings.conflict,
    syncTitles: settings.syncTitles,
    categoryLevel: config.headingLevel,
    fileUrl: `${settings.serverUrl}/${at.owner}/${at.repo}/blob/${encodeURIComponent(branch)}/${settings.path}`,
    assignees: config.assignees,
    labelStyle: labelStyles(config, settings.path),
    nonce
  }
}

async function readIssueSide(
  reader: Reader,
  branch: string,
  plan: PlanSettings,
  text: string,
  work: Work,
  loaded: LoadedLedger,
  pending: ReadonlySet<string> | null,
  warnings: string[]
): Promise<IssueSide> {
  const { client, at, settings, identity } = reader
  const path = settings.path
  const listed = await listIssues(client, at, { labels: settings.label })
  const seen = new Set(listed.map(i => i.number))
  const more = (extra: readonly ListedIssue[]) => {
    for (const issue of extra)
      if (!seen.has(issue.number) && seen.add(issue.number)) listed.push(issue)
  }
  const adopt = (found: readonly MarkedIssue[]) => {
    for (const m of found) {
      loaded.ledger.issues.set(m.issue.number, m.entry)
      loaded.added.set(m.issue.number, m.entry)
    }
  }
  const ours = async (marked: readonly MarkedIssue[]) => {
    const kept: MarkedIssue[] = []
    for (const m of marked) if (await identity.owns(m.issue.author)) kept.push(m)
    return kept
  }

  if (loaded.stored === null && loaded.ledger.issues.size === 0 && listed.length > 0) {
    // Where the ledger is kept in the other commit mode (a user who switched): only worth a read
    // when there are goal issues at all, so a first run reads no more.
    const found = await ledgerCopies(reader, branch)[1]()
    if (found) loaded.ledger = found.ledger
  }
  if (loaded.stored === null && loaded.ledger.issues.size === 0) {
    // No ledger yet (a first run, or the first since goals-sync kept one): rebuilt once from the
    // issues the action authored with a marker, the rule before there was a ledger.
    // Issues whose label a person removed are looked for by author, but only where goals-sync ran
    // before (some labelled issue carries a marker): a first run in a fresh repository reads no more.
    if (markedIssues(listed, loaded.ledger, path).length > 0) {
      for (const creator of await identity.creators())
        more(await listIssues(client, at, { creator }))
    }
    const found = await ours(markedIssues(listed, loaded.ledger, path))
    adopt(found)
    if (found.length > 0) {
      warnings.push(
        `No goals-sync ledger was found, so it was rebuilt from ${found.length} issue(s) that goals-sync opened (author and hidden marker); it is committed as ${LEDGER_FILE} from now on.`
      )
    }
  }
  let issues = trackedIssues(listed, loaded.ledger, path)
  const look = () => planSync({ text, issues, settings: plan })
  let first = look()
  if (work.kind !== 'issue' && first.ops.some(op => op.kind === 'create-issue')) {
    await mergeOtherCopy(reader, branch, loaded)
    // Before creating, fetch the ledger's issues the listing missed (a person removed the common
    // label), so a goal never gets a second issue; the plan then puts the label back.
    for (const [n, entry] of loaded.ledger.issues) {
      if (seen.has(n) || entry.retired || entry.file !== path) continue
      const issue = await getIssue(client, at, n)
      if (issue) more([issue])
    }
    if (pending && pending.size > 0) {
      const doc = parseGoals(text, { categoryLevel: plan.categoryLevel })
      const keys = new Set(doc.goals.map(g => goalKey(g.category, g.title, g.occurrence)))
      const tracked = trackedIssues(listed, loaded.ledger, path)
      adopt(
        await ours(adoptable(markedIssues(listed, loaded.ledger, path), pending, keys, tracked))
      )
    }
    issues = trackedIssues(listed, loaded.ledger, path)
    first = look()
  }
  const side: IssueSide = { listed, issues }
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
  work: Extract<Work, { kind: 'issue' }>,
  loaded: LoadedLedger,
  side: IssueSide
): Promise<IssueFacts> {
  const { client, at, settings } = reader
  const entry = loaded.ledger.issues.get(work.number)
  if (work.action === 'opened' || work.action === 'labeled') {
    // Any ledger entry, even for another file or retired: such an issue never becomes a new goal.
    // One of this file's is read, so a rerun can add the marker a cut-short run did not.
    if (entry) {
      const mine = !entry.retired && !entry.removed && entry.file === settings.path
      const candidate = mine ? await getIssue(client, at, work.number) : null
      return { tracked: null, role: null, candidate, inLedger: true }
    }
    if (settings.commit !== 'push') {
      // The goal's line and its ledger entry must land together on the branch, or the next run
      // would find the issue's goal missing from the file and close it.
      return {
        tracked: null,
        role: null,
        refused: `Issue #${work.number} was ${work.action}, but goals come from issues only with commit: push (this run has commit: ${settings.commit}); ignored.`
      }
    }
    const candidate = await getIssue(client, at, work.number)
    const labelled = candidate?.labels.some(l => l.toLowerCase() === settings.label.toLowerCase())
    // The role is asked only for an issue that could become a goal, so other issues cost one read.
    const role = labelled ? await roleOf(client, at, work.sender) : null
    return { tracked: null, role, candidate }
  }
  if (!entry || entry.retired || entry.file !== settings.path) return { tracked: null, role: null }
  let tracked = side.issues.find(i => i.number === work.number) ?? null
  if (!tracked) {
    // The ledger's issue without the common label (a person removed it): read it by number.
    const issue = await getIssue(client, at, work.number)
    tracked = issue ? (trackedIssues([issue], loaded.ledger, settings.path)[0] ?? null) : null
  }
  if (!tracked) return { tracked, role: null }
  return { tracked, role: await roleOf(client, at, work.sender) }
}
