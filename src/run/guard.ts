// The lock stage: before writes that a second run would repeat (a new issue, a
// comment), a run takes the repository-wide lock. Closing, reopening or
// relabelling twice changes nothing, so those need none.
import { commitCost, type WriteBudget } from './budget.ts'
import type { Reader } from './read.ts'
import { isRateLimit, messageOf } from '../github/errors.ts'
import { readHead, type Head } from '../github/files.ts'
import { acquireLock, type Lock } from '../github/lock.ts'
import { writesOf, type Op } from '../sync/ops.ts'

export interface LockTiming {
  perWriteMs: number
  spareMs: number
  maxWaitMs: number
}

export const DEFAULT_LOCK_TIMING: LockTiming = {
  perWriteMs: 4_000,
  spareMs: 5 * 60_000,
  maxWaitMs: 2 * 60_000
}
export const LOCK_TAKE = 3
export const LOCK_RELEASE = 1

export const needsLock = (ops: readonly Op[]) =>
  ops.some(
    op => op.kind === 'create-issue' || (op.kind === 'update-issue' && op.comment !== undefined)
  )

export type Guard =
  /** The head read for the lock's tree comes along: the run plans again on it. */
  | { kind: 'locked'; lock: Lock | null; head: Head }
  /** The budget cannot pay for the lock and the commit: every issue write waits for the next run. */
  | { kind: 'too-small'; reason: string }

export async function guardRun(
  reader: Reader,
  branch: string,
  ops: readonly Op[],
  budget: WriteBudget,
  options: {
    timing?: LockTiming
    pollMs?: number
    log: (m: string) => void
    warn: (m: string) => void
  }
): Promise<Guard> {
  if (budget.left() < LOCK_TAKE + LOCK_RELEASE + commitCost(reader.settings.commit) + 1) {
    return {
      kind: 'too-small',
      reason: `the write budget (max-writes: ${budget.limit}) is too small for the lock and the commit`
    }
  }
  const timing = options.timing ?? DEFAULT_LOCK_TIMING
  // Long enough for the planned writes at GitHub's pace (issue creation ≥ 3 s apart), plus the commit.
  const writes = Math.min(
    reader.settings.maxWrites,
    ops.reduce((n, op) => n + writesOf(op), 0)
  )
  let lock: Lock | null = null
  try {
    budget.take(LOCK_TAKE)
    lock = await acquireLock(reader.client, reader.at, {
      nonce: reader.nonce,
      holdMs: writes * timing.perWriteMs + timing.spareMs,
      pollMs: options.pollMs,
      maxWaitMs: timing.maxWaitMs,
      spend: () => budget.force(1),
      log: options.log
    })
  } catch (error) {
    // The lock guards against rare overlaps; a server without it must not stop the sync.
    if (isRateLimit(error)) throw error
    options.warn(`Could not take the goals-sync lock (${messageOf(error)}); going on without it.`)
  }
  // Read once the lock is held: whatever the runs before it committed is there.
  return { kind: 'locked', lock, head: await readHead(reader.client, reader.at, branch) }
}

/**
 * Releases the lock, unless issues were created that the stored ledger does
 * not hold yet: then the lock is left for the next run to take over at once,
 * with this run's nonce pending, so that run adopts them instead of creating twins.
 */
export async function releaseLock(
  lock: Lock | null,
  budget: WriteBudget,
  unrecorded: boolean
): Promise<void> {
  if (!lock) return
  if (unrecorded) {
    budget.force(2)
    await lock.leave()
    return
  }
  budget.take(LOCK_RELEASE)
  await lock.release()
}
