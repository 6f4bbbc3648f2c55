// One run, as stages in order: read → decide → (lock, read again, decide
// again) → apply → commit. Each stage takes what it needs from the ones
// before; the report is put together from their outputs.
import { randomBytes } from 'node:crypto'
import { applyOps, recoveryFor } from './apply.ts'
import { applyMilestoneOps, MilestoneBook } from './apply-milestones.ts'
import { commitCost, WriteBudget } from './budget.ts'
import { commitNeeded, commitStage } from './commit.ts'
import { CREATIONS_PER_HOUR, decide, type Decision } from './decide.ts'
import { adoptIssue, type Adoption } from './new-goal.ts'
import { guardRun, LOCK_RELEASE, needsLock, releaseLock } from './guard.ts'
import { readLabels, readSnapshot, rereadSnapshot, type Snapshot } from './read.ts'
import { runSeveral, severalFiles } from './several.ts'
import { emptyReport, progressOf, type RunInput, type RunReport } from './run-report.ts'
import type { Lock } from '../github/lock.ts'
import { applyGoalEdits } from '../sync/file-edits.ts'
import { parseGoals } from '../goals/parse.ts'
import { cardCategoriesOf } from '../render/card-model.ts'

export async function runSync(input: RunInput): Promise<RunReport> {
  const spec = severalFiles(input.settings.path)
  return spec ? runSeveral(input, spec, runOne) : runOne(input)
}

/** One goals file: the whole run, or one file's part of a run over several. */
async function runOne(input: RunInput): Promise<RunReport> {
  const { settings, client, log } = input
  const nonce = randomBytes(8).toString('hex')
  const started = await readSnapshot(
    settings,
    client,
    input.eventName,
    input.payload,
    nonce,
    input.now,
    input.moves
  )
  if (started.kind === 'skip') return emptyReport(settings, started.reason, started.branch)
  const { reader } = started
  let snapshot: Snapshot = {
    ...started.snapshot,
    ...(input.siblings ? { siblings: input.siblings } : {})
  }
  // What the other files' badge and card see of this one: what it holds once this run is done.
  const leaves = (text: string) =>
    input.siblings?.rows.set(
      settings.path,
      cardCategoriesOf(parseGoals(text, { categoryLevel: snapshot.config.headingLevel }))
    )
  const report = emptyReport(settings, null, snapshot.branch)
  const budget = input.budget ?? new WriteBudget(settings.maxWrites)
  const spentBefore = budget.used
  let lock: Lock | null = null
  let ledgerLanded = true
  try {
    let decision: Decision = decide(snapshot)
    let issueWrites = true
    if (!settings.dryRun && needsLock(decision.ops)) {
      const guard = await guardRun(reader, snapshot.branch, decision.ops, budget, {
        ...(input.lockTiming ? { timing: input.lockTiming } : {}),
        ...(input.lockPollMs !== undefined ? { pollMs: input.lockPollMs } : {}),
        log: m => log.info(m),
        warn: m => log.warning(m)
      })
      if (guard.kind === 'too-small') {
        // Such writes come after the lock; a budget that cannot pay for it defers them all.
        issueWrites = false
        report.applied.deferred += decision.ops.length
        report.applied.stoppedBy = guard.reason
      } else {
        lock = guard.lock
        snapshot = await rereadSnapshot(reader, snapshot, lock?.pending ?? new Set(), guard.head)
        decision = decide(snapshot)
      }
    }
    if (decision.ops.some(op => op.kind === 'create-label'))
      decision = decide(snapshot, await readLabels(reader))
    report.ops = decision.ops
    if (decision.milestones)
      report.milestones = [...decision.milestones.before, ...decision.milestones.after]
    report.edits = decision.edits
    report.warnings.push(...decision.warnings)
    report.notes.push(...decision.notes)
    const finalText = applyGoalEdits(
      snapshot.goals.text,
      decision.edits,
      snapshot.config.headingLevel
    ).text
    Object.assign(report, progressOf(finalText, snapshot.config.headingLevel))
    leaves(settings.dryRun ? finalText : snapshot.goals.text)
    if (settings.dryRun) return report

    const lockReserve = lock ? LOCK_RELEASE : 0
    const needsCommit = await commitNeeded(reader, snapshot, decision, finalText)
    const milestones = decision.milestones
    const book = milestones && new MilestoneBook(milestones.made.map(m => [m.number, m.category]))
    if (issueWrites) {
      ledgerLanded = false
      const reserve = lockReserve + (needsCommit ? commitCost(settings.commit) : 0)
      const logged = { reserve, log: (m: string) => log.info(m) }
      if (milestones && book) {
        await applyMilestoneOps(client, reader.at, milestones.before, budget, report.applied, {
          ...logged,
          book
        })
      }
      await applyOps(client, reader.at, decision.ops, budget, report.applied, {
        ...logged,
        recovery: recoveryFor(reader),
        ...(book ? { milestoneOf: book.numberOf } : {})
      })
      if (milestones && book) {
        await applyMilestoneOps(client, reader.at, milestones.after, budget, report.applied, {
          ...logged,
          book
        })
      }
    }
    if (book) report.applied.milestones = book.made
    if (decision.held) {
      // Held back before any write, so the report says it after what apply did.
      report.applied.deferred += decision.held.count
      report.applied.stoppedBy ??= `GitHub's limit of ${CREATIONS_PER_HOUR} new issues per hour; a run from ${decision.held.until} on creates the other ${decision.held.count}`
    }
    if (report.applied.stoppedBy) {
      log.warning(
        `Stopped early: ${report.applied.stoppedBy}. ${report.applied.deferred} operation(s) left for the next run.`
      )
    }
    const adopt = async (adoption: Adoption) => {
      const problem = await adoptIssue(
        client,
        reader.at,
        adoption,
        budget,
        lockReserve,
        report.applied,
        m => log.info(m)
      )
      if (problem) report.warnings.push(problem)
    }
    // A rerun finishing an adoption: the goal is committed already.
    if (decision.adopt && !decision.edits.some(e => e.append)) await adopt(decision.adopt)
    if (!needsCommit) {
      ledgerLanded = report.applied.created.length === 0
      return report
    }
    const committed = await commitStage(reader, snapshot, decision, report.applied, budget, {
      reserve: lockReserve,
      log: m => log.info(m)
    })
    ledgerLanded = committed.ledgerLanded
    report.commit = committed.commit
    if (committed.commit?.sha && settings.commit === 'push') leaves(finalText)
    report.warnings.push(...committed.warnings)
    if (decision.adopt && committed.appended.includes(decision.adopt.number))
      await adopt(decision.adopt)
    if (committed.deferredBy) {
      report.applied.stoppedBy ??= committed.deferredBy
      report.applied.deferred += 1
      log.warning('The goals file could not be committed in this run; the next run commits it.')
    }
    return report
  } finally {
    await releaseLock(lock, budget, !ledgerLanded && report.applied.created.length > 0)
    report.writes = budget.used - spentBefore
  }
}
