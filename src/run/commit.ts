// The commit stage: the goals file with the decided edits, the badge, the card
// and the ledger, in one commit on top of the branch head (or a pull request). The
// edits are applied again to whatever the head holds then, found by goal key,
// and the ledger at the head gets this run's records laid over it. When the
// branch is not written (pull-request, none), the ledger goes to its own ref.
import type { Applied } from './apply.ts'
import { commitCost, LEDGER_REF_COST, type WriteBudget } from './budget.ts'
import type { Decision } from './decide.ts'
import { outputsOf } from './outputs.ts'
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
import { readLedgerRef, writeLedgerRef } from '../github/ledger-store.ts'
import type { GoalsDoc } from '../goals/model.ts'
import { parseGoals } from '../goals/parse.ts'
import { cardCategoriesOf } from '../render/card-model.ts'
import { applyGoalEdits } from '../sync/file-edits.ts'
import {
  blobId,
  LEDGER_FILE,
  parseLedger,
  serializeLedger,
  withChanges,
  type FileProgress,
  type Ledger,
  type LedgerEntry
} from '../sync/ledger.ts'
import { goalKey } from '../sync/marker.ts'
import type { GoalEdit } from '../sync/ops.ts'

export interface Commit {
  commit: CommitResult | null
  /** Whether every record of this run is in the stored ledger (written, or nothing to write). */
  ledgerLanded: boolean
  /** Why the commit waits for the next run (budget or rate limit), or null. */
  deferredBy: string | null
  warnings: string[]
  /** Issues whose new goal (and ledger entry) this commit added. */
  appended: number[]
}

/** Whether the ledger can change in this run: a write that records something, or records that differ. */
function ledgerMayChange(
  snapshot: Snapshot,
  decision: Decision,
  finalDoc: GoalsDoc,
  settings: Reader['settings']
): boolean {
  // A pull request is not on the branch yet: its issue-side changes are recorded once it is merged.
  const onBranch = settings.commit === 'push'
  const path = settings.path
  const known: [number, LedgerEntry][] = [
    ...snapshot.ledger.added,
    ...decision.records,
    ...(onBranch ? editRecords(finalDoc, decision.edits, path) : [])
  ]
  const milestones = decision.milestones
  return (
    ledgerChanges(snapshot.ledger, known, madeOf(milestones?.made)) ||
    decision.ops.some(
      op => op.kind === 'create-issue' || (op.kind === 'update-issue' && op.record)
    ) ||
    (milestones?.before.some(op => op.kind === 'create-milestone') ?? false)
  )
}

const madeOf = (made: readonly { number: number; category: string }[] | undefined) =>
  made && new Map(made.map(m => [m.number, m.category]))

/**
 * Whether this run is a push that changed `path` (or may have: the event does
 * not list every path). An output changed by a push, by hand say, is read and
 * put right at once, not at the next change of progress.
 */
function pushedTo(snapshot: Snapshot, path: string): boolean {
  const work = snapshot.work
  return work.kind === 'push' && (work.changed?.includes(path) ?? true)
}

/**
 * Whether the run may have anything to commit. A run that changes nothing in
 * the file or the ledger reads the badge and card to see whether they are stale;
 * an issue event leaves them to the next full run, so it stays within its read bound.
 */
export async function commitNeeded(
  reader: Reader,
  snapshot: Snapshot,
  decision: Decision,
  finalText: string
): Promise<boolean> {
  const { settings, client, at } = reader
  const finalDoc = parseGoals(finalText, { categoryLevel: snapshot.config.headingLevel })
  if (ledgerMayChange(snapshot, decision, finalDoc, settings)) return true
  if (settings.commit === 'none') return false
  if (finalText !== snapshot.goals.text) return true
  if (snapshot.work.kind === 'issue') return false
  const blobs = snapshot.ledger.ledger.blobs
  const fileIsOurs = blobs.get(settings.path) === snapshot.goals.sha
  for (const output of outputsOf(settings, finalDoc, snapshot.siblings)) {
    // The file is the one the action last wrote, and so is this output: no need to download it.
    if (
      !pushedTo(snapshot, output.path) &&
      fileIsOurs &&
      blobs.get(output.path) === blobId(output.svg)
    )
      continue
    const stored = await readFile(client, at, output.path, snapshot.branch)
    if (stored?.text !== output.svg) return true
  }
  return false
}

export async function commitStage(
  reader: Reader,
  snapshot: Snapshot,
  decision: Decision,
  applied: Applied,
  budget: WriteBudget,
  options: { reserve: number; log: (message: string) => void }
): Promise<Commit> {
  const { settings } = reader
  const changes: [number, LedgerEntry][] = [
    ...snapshot.ledger.added,
    ...decision.records,
    ...applied.recorded
  ]
  const warnings: string[] = []
  let commit: CommitResult | null = null
  const milestones = applied.milestones
  let appended: number[] = []
  let ledgerLanded =
    settings.commit === 'push' && !ledgerChanges(snapshot.ledger, changes, milestones)
  try {
    if (settings.commit !== 'none') {
      const produced = await commitFiles(reader, snapshot, decision.edits, changes, budget, {
        ...options,
        warnings,
        milestones
      })
      commit = produced.commit
      appended = produced.appended
      if (settings.commit === 'push') ledgerLanded ||= produced.ledgerWritten
    }
    if (settings.commit !== 'push') {
      ledgerLanded = await commitLedgerRef(reader, snapshot, changes, budget, {
        reserve: options.reserve,
        milestones
      })
    }
    return { commit, ledgerLanded, deferredBy: null, warnings, appended }
  } catch (error) {
    if (!isRateLimit(error) && !(error instanceof BudgetSpent)) throw error
    // The issues are done as far as they went; the file and the ledger wait for the next run.
    return {
      commit,
      ledgerLanded,
      deferredBy:
        error instanceof BudgetSpent
          ? `the write budget (max-writes: ${budget.limit}) is spent`
          : `GitHub's rate limit (${messageOf(error)})`,
      warnings,
      appended: []
    }
  }
}

const ledgerChanges = (
  loaded: Snapshot['ledger'],
  changes: readonly [number, LedgerEntry][],
  milestones?: ReadonlyMap<number, string>
): boolean =>
  withChanges(loaded.ledger, changes, [], milestones) !== null ||
  (loaded.stored === null && loaded.ledger.issues.size > 0)

async function commitFiles(
  reader: Reader,
  snapshot: Snapshot,
  edits: readonly GoalEdit[],
  changes: readonly [number, LedgerEntry][],
  budget: WriteBudget,
  options: {
    reserve: number
    log: (message: string) => void
    warnings: string[]
    milestones: ReadonlyMap<number, string> | undefined
  }
): Promise<{ commit: CommitResult; ledgerWritten: boolean; appended: number[] }> {
  const { settings, client, at } = reader
  const { branch } = snapshot
  const level = snapshot.config.headingLevel
  const onBranch = settings.commit === 'push'
  let ledgerWritten = false
  let appended: number[] = []
  const produce: Produce = async read => {
    const files = new Map<string, string>()
    const current = await read(settings.path)
    if (current === null) {
      throw new ActionError(
        `The goals file "${settings.path}" was deleted from "${branch}" during the run; nothing was committed.`
      )
    }
    const headText = onBranch ? await read(LEDGER_FILE) : null
    const base: Ledger =
      headText === null
        ? snapshot.ledger.ledger
        : parseLedger(headText, `${LEDGER_FILE} on "${branch}"`)
    // An issue that another run made a goal meanwhile is in the head's ledger: not added twice.
    const todo = edits.filter(e => !e.append || !base.issues.has(e.issue))
    const result = applyGoalEdits(current, todo, level)
    const added = result.applied.filter(a => a.edit.append).map(a => a.edit)
    appended = added.map(e => e.issue)
    for (const missing of result.missing) {
      options.warnings.push(
        `goal for issue #${missing.issue} is no longer in ${settings.path}; its change (${missing.why}) was not written`
      )
    }
    if (result.text !== current) files.set(settings.path, result.text)
    const doc = parseGoals(result.text, { categoryLevel: level })
    const blobs: [string, string][] = [[settings.path, blobId(result.text)]]
    for (const { path, svg } of outputsOf(settings, doc, snapshot.siblings)) {
      // The output the action last wrote is this one, and this push did not change it: not stale.
      // Otherwise, when the commit happens anyway, it goes in unread: an identical one changes
      // nothing in the tree.
      if (snapshot.ledger.ledger.blobs.get(path) !== blobId(svg) || pushedTo(snapshot, path)) {
        if (files.size > 0 || (await read(path)) !== svg) files.set(path, svg)
      }
      blobs.push([path, blobId(svg)])
    }
    ledgerWritten = false
    // A pull request is not on the branch yet: its issue-side changes are recorded once it is merged.
    if (!onBranch) return files
    const all = [
      ...changes,
      ...editRecords(doc, [...todo.filter(e => !e.append), ...added], settings.path)
    ]
    // Several goals files: this one's rows, so runs that leave it alone can count it unread.
    const progress: [string, FileProgress][] = snapshot.siblings
      ? [[settings.path, { blob: blobId(result.text), rows: cardCategoriesOf(doc) }]]
      : []
    const next =
      withChanges(base, all, files.size > 0 ? blobs : [], options.milestones, progress) ??
      (headText === null && base.issues.size > 0 ? { ...base, seq: base.seq + 1 } : null)
    if (next) {
      files.set(LEDGER_FILE, serializeLedger(next))
      ledgerWritten = true
    }
    return files
  }
  const mayWrite = () =>
    budget.take(
      commitCost(settings.commit) - (onBranch ? 0 : LEDGER_REF_COST),
      options.reserve + (onBranch ? 0 : LEDGER_REF_COST)
    )
  const commit = onBranch
    ? await commitToBranch(client, at, {
        branch,
        message: settings.commitMessage,
        produce,
        mayWrite,
        ...(snapshot.head
          ? {
              known: {
                ...snapshot.head,
                files: new Map([
                  [settings.path, snapshot.goals.text],
                  [LEDGER_FILE, snapshot.ledger.stored]
                ])
              }
            }
          : {})
      })
    : await commitAsPullRequest(client, at, {
        branch,
        message: settings.commitMessage,
        produce,
        mayWrite,
        prBranch: `goals-sync/${branch}`,
        title: 'Sync goals progress',
        body: `goals-sync could not push to \`${branch}\` directly, so here are the counters, badge, card and goal changes of the latest sync.`
      })
  if (commit.sha) options.log(`Committed ${commit.files.join(' and ')} as ${commit.sha}`)
  const landed = commit.sha !== null
  return { commit, ledgerWritten: ledgerWritten && landed, appended: landed ? appended : [] }
}

/** What the ledger records for goals whose box or title the commit changed from their issue. */
function editRecords(
  doc: GoalsDoc,
  edits: readonly GoalEdit[],
  path: string
): [number, LedgerEntry][] {
  const records: [number, LedgerEntry][] = []
  for (const edit of edits) {
    const target = keyAfter(edit)
    const goal = doc.goals.find(g => goalKey(g.category, g.title, g.occurrence) === target)
    if (!goal) continue
    records.push([
      edit.issue,
      {
        file: path,
        category: goal.category,
        title: goal.title,
        n: goal.occurrence,
        synced: goal.checked ? 'closed' : 'open',
        removed: false,
        retired: false
      }
    ])
  }
  return records
}

/** The key a goal has once an edit is applied to it. */
function keyAfter(edit: GoalEdit): string {
  if (edit.title === undefined) return edit.key
  const [category, , n] = JSON.parse(edit.key) as [string | null, string, number]
  return goalKey(category, edit.title.replace(/[\r\n]+/g, ' ').trim(), n)
}

/** The ledger on its own ref, by compare-and-swap: when another run moved it first, merge again on top. */
async function commitLedgerRef(
  reader: Reader,
  snapshot: Snapshot,
  changes: readonly [number, LedgerEntry][],
  budget: WriteBudget,
  options: { reserve: number; milestones: ReadonlyMap<number, string> | undefined }
): Promise<boolean> {
  const { reserve, milestones } = options
  const { client, at } = reader
  let base = snapshot.ledger.ledger
  let parent = snapshot.ledger.refCommit
  let stored = snapshot.ledger.stored
  for (let attempt = 1; attempt <= 5; attempt++) {
    const next =
      withChanges(base, changes, [], milestones) ??
      (stored === null && base.issues.size > 0 ? { ...base, seq: base.seq + 1 } : null)
    if (!next) return true
    if (!budget.take(LEDGER_REF_COST, reserve))
      throw new BudgetSpent('no write budget left for the ledger')
    if (await writeLedgerRef(client, at, serializeLedger(next), parent)) return true
    const now = await readLedgerRef(client, at)
    base = now ? parseLedger(now.text, 'on refs/goals-sync/ledger') : base
    parent = now?.commit ?? null
    stored = now?.text ?? null
  }
  throw new ActionError(
    'refs/goals-sync/ledger kept moving during the run (5 tries); run the workflow again.'
  )
}
