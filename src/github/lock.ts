// A repository-wide lock so that two runs at once (a push and a schedule, two
// quick pushes) never both create the same goal's issue. Creating a git ref is
// atomic on GitHub: the second creator gets 422. The ref sits outside
// refs/heads, so it is no branch and triggers nothing. It points at a commit
// made for it whose message says until when the holder expects to need it, so
// a lock left by a crashed or cancelled run stops blocking once that is past.
import type { Client } from './octokit-client.ts'
import { explainAccess, statusOf } from './errors.ts'
import type { RepoRef } from './issues.ts'

export const LOCK_REF = 'goals-sync/lock'

export interface LockOptions {
  branch: string
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
  release: () => Promise<void>
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** The lock's commit and until when its holder needs it (0: unreadable), or null when it is free. */
async function current(
  client: Client,
  at: RepoRef
): Promise<{ sha: string; until: number } | null> {
  try {
    const { data: ref } = await client.rest.git.getRef({ ...at, ref: LOCK_REF })
    const { data: commit } = await client.rest.git.getCommit({ ...at, commit_sha: ref.object.sha })
    const m = /goals-sync lock held until (\S+)/.exec(commit.message)
    return { sha: ref.object.sha, until: m ? Date.parse(m[1] as string) || 0 : 0 }
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
    const { data: ref } = await client.rest.git.getRef({ ...at, ref: `heads/${options.branch}` })
    const { data: head } = await client.rest.git.getCommit({ ...at, commit_sha: ref.object.sha })
    const until = new Date(Date.now() + options.holdMs).toISOString()
    const { data: mine } = await client.rest.git.createCommit({
      ...at,
      message: `goals-sync lock held until ${until}`,
      tree: head.tree.sha,
      parents: []
    })
    const held: Lock = {
      // Only our own lock is deleted: a run that outlived its time must not free its successor's.
      release: async () => {
        const now = await current(client, at).catch(() => null)
        if (now?.sha === mine.sha)
          await client.rest.git.deleteRef({ ...at, ref: LOCK_REF }).catch(() => {})
      }
    }
    const create = async () => {
      try {
        await client.rest.git.createRef({ ...at, ref: `refs/${LOCK_REF}`, sha: mine.sha })
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
      if (now?.sha === mine.sha) return held
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
