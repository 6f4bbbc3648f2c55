// Several goals files (`path: goals/*.md`, or a list): each file is synced on
// its own by the one-file run, in code-point order, and the runs share what
// the badge and card need to show the total. Which files a run syncs follows
// from its event, so a push that touched one file plans only that one.
import { WriteBudget } from './budget.ts'
import { classifyEvent, type RunKind } from './event.ts'
import { DEFAULT_CONFIG, parseConfig } from './config.ts'
import type { Siblings } from './outputs.ts'
import { emptyReport, type RunInput, type RunReport } from './run-report.ts'
import { ActionError } from '../github/errors.ts'
import { defaultBranch, listPaths, readFile } from '../github/files.ts'
import type { RepoRef } from '../github/issues.ts'
import { readLedgerRef } from '../github/ledger-store.ts'
import type { Client } from '../github/octokit-client.ts'
import type { GoalsDoc } from '../goals/model.ts'
import { parseGoals } from '../goals/parse.ts'
import { percentOf } from '../render/badge.ts'
import { LEDGER_FILE, parseLedger, type Ledger } from '../sync/ledger.ts'
import { cardCategoriesOf } from '../render/card-model.ts'
import type { CardCategory } from '../render/card.ts'
import {
  expandPaths,
  parsePathInput,
  PathInputError,
  touchedPaths,
  type PathSpec
} from '../sync/paths.ts'
import { movesBetweenFiles } from '../sync/moves.ts'
import { categoryLabel } from '../sync/text.ts'
import type { Settings } from '../action/settings.ts'

/**
 * The spec when `path` names several files (a wildcard or a list); null for
 * one plain path, which keeps the one-file run exactly as it always was.
 */
export function severalFiles(path: string): PathSpec | null {
  if (!/[*?,\r\n]/.test(path)) return null
  try {
    return parsePathInput(path)
  } catch (error) {
    if (error instanceof PathInputError) throw new ActionError(error.message)
    throw error
  }
}

export async function runSeveral(
  input: RunInput,
  spec: PathSpec,
  runOne: (input: RunInput) => Promise<RunReport>
): Promise<RunReport> {
  const { settings, client } = input
  const at: RepoRef = { owner: settings.owner, repo: settings.repo }
  const repository = input.payload.repository as { default_branch?: string } | undefined
  const branch = settings.branch ?? repository?.default_branch ?? (await defaultBranch(client, at))
  const work = classifyEvent(input.eventName, input.payload, branch, settings.label)
  if (work.kind === 'skip') return emptyReport(settings, work.reason, branch)

  if (settings.commit === 'pull-request') {
    // Each file's changes would be a separate commit built on the branch, so the pull request
    // would keep only the last file's: refused rather than losing the others'.
    throw new ActionError(
      `Input "path" names several goals files ("${settings.path}"), which "commit: pull-request" does not support yet: use "commit: push" (allowed to push to "${branch}"), or "commit: none".`
    )
  }
  const files = await goalsFiles(client, at, settings, spec, branch)
  const configFile = await readFile(client, at, settings.config, branch)
  const config = configFile ? parseConfig(configFile.text, settings.config) : DEFAULT_CONFIG
  const level = config.headingLevel
  const ledger = await readLedger(input, branch)
  const texts = new Map<string, string>()
  const read = async (file: string) => {
    if (!texts.has(file)) texts.set(file, (await readFile(client, at, file, branch))?.text ?? '')
    return texts.get(file) as string
  }
  // The badge and card count every file: one still as the action last wrote it (same blob id)
  // counts from the ledger's rows, unread; any other is read.
  const rows = new Map<string, CardCategory[]>()
  for (const file of files.files) {
    const known = ledger?.progress?.get(file)
    rows.set(
      file,
      known && known.blob === files.blobs.get(file)
        ? known.rows
        : cardCategoriesOf(parseGoals(await read(file), { categoryLevel: level }))
    )
  }
  const siblings: Siblings = { files: files.files, rows, categoryLevel: level }
  const planned = plannedFiles(input, work, spec, files.files, siblings, ledger)

  // A goal moved between two files this run syncs keeps its issue (a move is seen from both ends).
  let moves = null
  if (planned.length > 1 && ledger) {
    const docs = new Map<string, GoalsDoc>()
    for (const file of planned)
      docs.set(file, parseGoals(await read(file), { categoryLevel: level }))
    moves = movesBetweenFiles(ledger.issues, docs)
  }
  const reports: RunReport[] = []
  const budget = new WriteBudget(settings.maxWrites)
  for (const file of planned) {
    reports.push(
      await runOne({
        ...input,
        settings: { ...settings, path: file },
        siblings,
        budget,
        ...(moves && moves.size > 0 ? { moves } : {})
      })
    )
  }
  const report = combined(settings, branch, reports, siblings)
  report.warnings.unshift(...files.warnings)
  if (planned.length === 0) {
    report.notes.push(
      `The push changed none of the goals files (${files.files.join(', ')}); nothing to sync. The next scheduled or manual run reconciles them all.`
    )
  }
  return report
}

/** The goals files on the branch (with blob ids): never the action's outputs, config, ledger or a workflow. */
async function goalsFiles(
  client: Client,
  at: RepoRef,
  settings: Settings,
  spec: PathSpec,
  branch: string
): Promise<{ files: string[]; blobs: Map<string, string>; warnings: string[] }> {
  const own = new Set([settings.badge, settings.card, settings.config, LEDGER_FILE])
  const blobs = await listPaths(client, at, branch)
  const paths = [...blobs.keys()].filter(p => !own.has(p))
  const { files, missing, unmatched } = expandPaths(spec, paths)
  if (missing.length > 0) {
    throw new ActionError(
      `Input "path" names ${missing.map(m => `"${m}"`).join(', ')}, not on branch "${branch}": add the file there, or remove it from "path".`
    )
  }
  if (files.length === 0) {
    throw new ActionError(
      `Input "path" ("${spec.patterns.join(', ')}") matches no goals file on branch "${branch}": add one (e.g. goals/main.md), or change "path".`
    )
  }
  const warnings = unmatched.map(
    u =>
      `Input "path" has "${u}", which matches no file on "${branch}"; the other entries are synced.`
  )
  return { files, blobs, warnings }
}

/**
 * Which files this run syncs. A push: those its commits added, changed or
 * removed (all, when the event does not list them: too many commits, or a
 * forced push). An issue event: the file of the issue's goal, or for an issue
 * that may become a goal, the first file with the category its labels name
 * (else the first file). Anything else: every file.
 */
function plannedFiles(
  input: RunInput,
  work: Exclude<RunKind, { kind: 'skip' }>,
  spec: PathSpec,
  files: readonly string[],
  siblings: Siblings,
  ledger: Ledger | null
): string[] {
  if (work.kind === 'push') {
    const changed = work.changed
    return changed ? touchedPaths(spec, changed).filter(f => files.includes(f)) : [...files]
  }
  if (work.kind !== 'issue') return [...files]
  const entry = ledger?.issues.get(work.number)
  if (entry && files.includes(entry.file)) return [entry.file]
  if (entry) return []
  const issue = input.payload.issue as { labels?: { name?: string }[] } | undefined
  const labels = (issue?.labels ?? []).map(l => (l.name ?? '').toLowerCase())
  const home = files.find(file =>
    (siblings.rows.get(file) ?? []).some(c => labels.includes(categoryLabel(c.name).toLowerCase()))
  )
  return [home ?? (files[0] as string)]
}

/** Where this commit mode keeps the ledger, else the other place; null when neither has one. */
async function readLedger(input: RunInput, branch: string) {
  const { client, settings } = input
  const at = { owner: settings.owner, repo: settings.repo }
  const fromFile = async () => {
    const file = await readFile(client, at, LEDGER_FILE, branch)
    return file && parseLedger(file.text, `${LEDGER_FILE} on "${branch}"`)
  }
  const fromRef = async () => {
    const ref = await readLedgerRef(client, at)
    return ref && parseLedger(ref.text, 'on refs/goals-sync/ledger')
  }
  const order = settings.commit === 'push' ? [fromFile, fromRef] : [fromRef, fromFile]
  for (const read of order) {
    const found = await read()
    if (found) return found
  }
  return null
}

/** One report for the run: the files' runs added up, progress over every file. */
function combined(
  settings: Settings,
  branch: string,
  reports: readonly RunReport[],
  siblings: Siblings
): RunReport {
  const report = emptyReport(settings, null, branch)
  for (const r of reports) {
    report.writes += r.writes
    report.ops.push(...r.ops)
    report.edits.push(...r.edits)
    if (r.milestones) (report.milestones ??= []).push(...r.milestones)
    report.warnings.push(...r.warnings)
    report.notes.push(...r.notes)
    if (r.commit?.sha) report.commit = r.commit
    const a = report.applied
    a.created.push(...r.applied.created)
    a.closed.push(...r.applied.closed)
    a.reopened.push(...r.applied.reopened)
    a.updated.push(...r.applied.updated)
    a.touched.push(...r.applied.touched)
    a.deferred += r.applied.deferred
    a.stoppedBy ??= r.applied.stoppedBy
    for (const [n, e] of r.applied.recorded) a.recorded.set(n, e)
  }
  for (const file of siblings.files) {
    for (const c of siblings.rows.get(file) ?? []) {
      report.done += c.done
      report.total += c.total
      report.categories.push({ name: `${file}: ${c.name}`, done: c.done, total: c.total })
    }
  }
  report.percent = percentOf(report.done, report.total)
  return report
}
