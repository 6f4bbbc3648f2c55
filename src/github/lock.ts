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
  log?: (message: string) => void
}

export interface Lock {
  release: () => Promise<void>
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/** Until when the holder expects to need the lock (0: unreadable), or null when it is free. */
async function lockExpiry(client: Client, at: RepoRef): Promise<number | null> {
  try {
    const { data: ref } = await client.rest.git.getRef({ ...at, ref: LOCK_REF })
    const { data: commit } = await client.rest.git.getCommit({ ...at, commit_sha: ref.object.sha })
    const m = /goals-sync lock held until (\S+)/.exec(commit.message)
    return m ? Date.parse(m[1] as string) || 0 : 0
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
  try {
    const { data: ref } = await client.rest.git.getRef({ ...at, ref: `heads/${options.branch}` })
    const { data: head } = await client.rest.git.getCommit({ ...at, commit_sha: ref.object.sha })
    const until = new Date(Date.now() + options.holdMs).toISOString()
    const { data: marker } = await client.rest.git.createCommit({
      ...at,
      message: `goals-sync lock held until ${until}`,
      tree: head.tree.sha,
      parents: []
    })
    let refused = 0
    for (;;) {
      try {
        await client.rest.git.createRef({ ...at, ref: `refs/${LOCK_REF}`, sha: marker.sha })
        return {
          release: async () => {
            await client.rest.git.deleteRef({ ...at, ref: LOCK_REF }).catch(() => {})
          }
        }
      } catch (error) {
        if (statusOf(error) !== 422) throw error
      }
      const expiry = await lockExpiry(client, at)
      if (expiry === null && ++refused >= 3) {
        // 422 with no lock there: the server will not make this ref at all.
        throw new Error(`the server refused to create refs/${LOCK_REF}`)
      }
      if (expiry !== null && Date.now() > expiry) {
        options.log?.(
          `Taking over a goals-sync lock that expired at ${new Date(expiry).toISOString()} (its run ended without releasing it).`
        )
        await client.rest.git.deleteRef({ ...at, ref: LOCK_REF }).catch(() => {})
        continue
      }
      if (expiry !== null) {
        options.log?.(
          `Another goals-sync run is syncing this repository (until ${new Date(expiry).toISOString()} at the latest); waiting.`
        )
      }
      await sleep(pollMs)
    }
  } catch (error) {
    throw explainAccess(error, 'take the goals-sync lock', 'contents: write')
  }
}
