// Carries out the milestone writes of a decision (`milestones: true`) within
// the run's write budget: creations, renames and reopenings before the issue
// writes (issues need their milestone to exist), closings after them (a
// milestone closes only once its last open goal has left it).
import { answerLost, type Applied } from './apply.ts'
import type { WriteBudget } from './budget.ts'
import { isRateLimit, messageOf, statusOf } from '../github/errors.ts'
import type { RepoRef } from '../github/issues.ts'
import { createMilestone, listMilestones, updateMilestone } from '../github/milestones.ts'
import type { Client } from '../github/octokit-client.ts'
import type { MilestoneOp, MilestoneRef } from '../sync/milestones.ts'

/** The milestones of this run: those the action made (number → category), and the numbers of those created now. */
export class MilestoneBook {
  readonly created = new Map<string, number>()
  readonly made: Map<number, string>
  constructor(made: Iterable<[number, string]>) {
    this.made = new Map(made)
  }

  /** A plan's reference as GitHub takes it; undefined: a milestone not created (the next run sets it). */
  numberOf = (ref: MilestoneRef | undefined): number | null | undefined => {
    if (ref === undefined || ref === null) return ref === null ? null : undefined
    return 'number' in ref ? ref.number : this.created.get(ref.title.toLowerCase())
  }
}

export async function applyMilestoneOps(
  client: Client,
  at: RepoRef,
  ops: readonly MilestoneOp[],
  budget: WriteBudget,
  result: Applied,
  options: { reserve: number; book: MilestoneBook; log: (message: string) => void }
): Promise<void> {
  const { book, log } = options
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!
    if (result.stoppedBy !== null || !budget.take(1, options.reserve)) {
      result.deferred += ops.length - k
      result.stoppedBy ??= `the write budget (max-writes: ${budget.limit}) is spent`
      return
    }
    try {
      if (op.kind === 'create-milestone') {
        const number = await create(client, at, op)
        book.created.set(op.title.toLowerCase(), number.number)
        if (number.ours) book.made.set(number.number, op.category)
        log(`milestone "${op.title}": #${number.number}`)
      } else if (op.kind === 'update-milestone') {
        await update(client, at, op, log)
      }
    } catch (error) {
      if (!isRateLimit(error)) throw error
      result.stoppedBy = `GitHub's rate limit (${messageOf(error)})`
      result.deferred += ops.length - k
      return
    }
  }
}

/**
 * Sent once. When the answer is lost, or the name was taken meanwhile (another
 * run, a person), the milestone is looked up by name: one with the action's
 * description is the action's; a person's is used as it is, never recorded.
 */
async function create(
  client: Client,
  at: RepoRef,
  op: Extract<MilestoneOp, { kind: 'create-milestone' }>
): Promise<{ number: number; ours: boolean }> {
  try {
    return { number: await createMilestone(client, at, op), ours: true }
  } catch (error) {
    if (!answerLost(error) && statusOf(error) !== 422) throw error
    const found = (await listMilestones(client, at)).find(
      m => m.title.toLowerCase() === op.title.toLowerCase()
    )
    if (!found) throw error
    return { number: found.number, ours: found.description === op.description }
  }
}

async function update(
  client: Client,
  at: RepoRef,
  op: Extract<MilestoneOp, { kind: 'update-milestone' }>,
  log: (message: string) => void
) {
  const { title, description, state } = op
  try {
    await updateMilestone(client, at, op.number, {
      ...(title !== undefined ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(state !== undefined ? { state } : {})
    })
    log(`milestone #${op.number}: ${op.why}`)
  } catch (error) {
    // Deleted, or its new name taken, since the listing: the next run plans from what is there then.
    if (statusOf(error) !== 404 && statusOf(error) !== 422) throw error
    log(`milestone #${op.number} was not updated (${messageOf(error)}); the next run looks again`)
  }
}
