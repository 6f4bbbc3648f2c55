// A repository-wide lock so that two runs at once (a push and a schedule, two
// quick pushes) never both create the same goal's issue. Creating a git ref is
// atomic on GitHub: the second creator gets 422. The ref sits outside
// refs/heads, so it is no branch and triggers nothing. It points at a commit
// made for it whose message says until when the holder expects to need it, so
// a lock left by a crashed or cancelled run stops blocking once that is past.
// The message also lists the nonces of the runs that may have created issues
// not yet in the ledger ("pending"); a run that takes a dead lock over carries
// them into its own, so the issues they made can be recognised and adopted.
import type { Client } from './octokit-client.ts'
import { explainAccess, statusOf } from './errors.ts'
import type { RepoRef } from './issues.ts'

export const LOCK_REF = 'goals-sync/lock'

export interface LockOptions {
  /** This run's nonce, recorded as pending while the lock is held. */
  nonce: string
  /** How long this run expects to hold the lock; past that, others may take it over. */
  holdMs: number
  pollMs?: number
  /** Longest wait for another run's lock; past it the run goes on without one (it plans again first). */
  maxWaitMs?: number
  /** Called for each write beyond the first two (retaking a free or dead lock). */
  spend?: () => void
  log?: (message: string) => void
}

export interface Lock {
  /** Nonces recorded in the lock: this run's and those of dead runs it took over. */
  pending: ReadonlySet<string>
  /** Deletes the lock: the ledger holds everything this run created. */
  release: () => Promise<void>
  /**
   * Gives the lock up without forgetting its pending nonces (issues were created
   * but the ledger did not land): the next run takes it over at once and adopts them.
   */
  leave: () => Promise<void>
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

const lockMessage = (until: Date, pending: Iterable<string>) =>
  `goals-sync lock held until ${until.toISOString()}\n\npending: ${[...pending].join(' ')}`

/** The lock's commit, until when its holder needs it (0: unreadable) and its pending nonces, or null when it is free. */
async function current(
  client: Client,
  at: RepoRef
): Promise<{ sha: string; until: number; pending: string[] } | null> {
  try {
    const { data: ref } = await client.rest.git.getRef({ ...at, ref: LOCK_REF })
    const { data: commit } = await client.rest.git.getCommit({ ...at, commit_sha: ref.object.sha })
    const m = /goals-sync lock held until (\S+)/.exec(commit.message)
    const pending = /^pending: (.*)$/m.exec(commit.message)?.[1]?.split(' ') ?? []
    return {
      sha: ref.object.sha,
      until: m ? Date.parse(m[1] as string) || 0 : 0,
      pending: pending.filter(n => /^[0-9a-f]{8,64}$/.test(n))
    }
  } catch (error) {
    if (statusOf(error) === 404) return null
    throw error
  }
}

export async function acquireLock(
  client: Client,
  at: RepoRef,
  options: LockOptions
): Promise<Lock> {
  const pollMs = options.pollMs ?? 2_000
  const deadline = Date.now() + (options.maxWaitMs ?? 2 * 60_000)
  const spend = options.spend ?? (() => {})
  try {
    const until = new Date(Date.now() + options.holdMs)
    const pending = new Set([options.nonce])
    // A tree of its own, so that taking the lock reads nothing.
    const { data: tree } = await client.rest.git.createTree({
      ...at,
      tree: [{ path: 'lock', mode: '100644', type: 'blob', content: 'goals-sync lock\n' }]
    })
    const lockCommit = async () =>
      (
        await client.rest.git.createCommit({
          ...at,
          message: lockMessage(until, pending),
          tree: tree.sha,
          parents: []
        })
      ).data.sha
    let mine = await lockCommit()
    const held: Lock = {
      pending,
      // Only our own lock is deleted: a run that outlived its time must not free its successor's.
      release: async () => {
        // Before its time nobody may take the lock over, so it is still ours: no need to look.
        const now =
          Date.now() < until.getTime()
            ? mine
            : await client.rest.git.getRef({ ...at, ref: LOCK_REF }).then(
                ({ data }) => data.object.sha,
                () => null
              )
        if (now === mine) await client.rest.git.deleteRef({ ...at, ref: LOCK_REF }).catch(() => {})
      },
      // Best effort: if this fails too, the lock still lists the nonce and expires at its time.
      leave: async () => {
        const now = await current(client, at).catch(() => null)
        if (now?.sha !== mine) return
        // A child of our lock commit, so the ref moves by fast-forward: a successor's lock is never overwritten.
        await client.rest.git
          .createCommit({
            ...at,
            message: lockMessage(new Date(0), pending),
            tree: tree.sha,
            parents: [mine]
          })
          .then(({ data: left }) =>
            client.rest.git.updateRef({ ...at, ref: LOCK_REF, sha: left.sha, force: false })
          )
          .catch(() => {})
      }
    }
    const create = async () => {
      try {
        await client.rest.git.createRef({ ...at, ref: `refs/${LOCK_REF}`, sha: mine })
        return true
      } catch (error) {
        if (statusOf(error) !== 422) throw error
        return false
      }
    }
    if (await create()) return held
    let refused = 0
    for (;;) {
      if (Date.now() > deadline) {
        throw new Error(`another run still holds refs/${LOCK_REF} (or it cannot be taken over)`)
      }
      const now = await current(client, at)
      // Ours already: the answer to the create was lost, not the create.
      if (now?.sha === mine) return held
      if (now === null) {
        // 422 with no lock there, again and again: the server will not make this ref at all.
        if (++refused >= 3) throw new Error(`the server refused to create refs/${LOCK_REF}`)
        spend()
        if (await create()) return held
        continue
      }
      if (Date.now() > now.until) {
        options.log?.(
          `Taking over a goals-sync lock that expired at ${new Date(now.until).toISOString()} (its run ended without releasing it).`
        )
        spend()
        await client.rest.git.deleteRef({ ...at, ref: LOCK_REF }).catch(() => {})
        if (now.pending.some(n => !pending.has(n))) {
          // The dead run may have created issues its ledger never recorded: they stay pending in ours.
          for (const n of now.pending) pending.add(n)
          spend()
          mine = await lockCommit()
        }
        spend()
        if (await create()) return held
        await sleep(pollMs)
        continue
      }
      options.log?.(
        `Another goals-sync run is syncing this repository (until ${new Date(now.until).toISOString()} at the latest); waiting.`
      )
      // Polling reads only; the lock is created again once it is free or dead.
      await sleep(pollMs)
    }
  } catch (error) {
    throw explainAccess(error, 'take the goals-sync lock', 'contents: write')
  }
}
