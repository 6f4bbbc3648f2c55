// A repository-wide lock so that two runs at once (a push and a schedule, two
// quick pushes) never both create the same goal's issue. Creating a git ref is
// atomic on GitHub: the second creator gets 422. The ref sits outside
// refs/heads, so it is no branch and triggers nothing. It points at a commit
// made for it whose message holds the time, so a lock left by a crashed run
// can be recognised as stale and broken.
import type { Client } from './octokit-client.ts'
import { ActionError, explainAccess, statusOf } from './errors.ts'
import type { RepoRef } from './issues.ts'

export const LOCK_REF = 'goals-sync/lock'

export interface LockOptions {
  branch: string
  /** How long to wait for another run's lock before giving up. */
  waitMs?: number
  /** A lock older than this was left by a run that died. */
  staleMs?: number
  pollMs?: number
  log?: (message: string) => void
}

export interface Lock {
  release: () => Promise<void>
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

async function lockTime(client: Client, at: RepoRef): Promise<number | null> {
  try {
    const { data: ref } = await client.rest.git.getRef({ ...at, ref: LOCK_REF })
    const { data: commit } = await client.rest.git.getCommit({ ...at, commit_sha: ref.object.sha })
    const m = /goals-sync lock taken at (\S+)/.exec(commit.message)
    return m ? Date.parse(m[1] as string) : 0
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
  const waitMs = options.waitMs ?? 5 * 60_000
  const staleMs = options.staleMs ?? 10 * 60_000
  const pollMs = options.pollMs ?? 2_000
  const started = Date.now()
  try {
    const { data: head } = await client.rest.repos.getCommit({ ...at, ref: options.branch })
    const { data: marker } = await client.rest.git.createCommit({
      ...at,
      message: `goals-sync lock taken at ${new Date().toISOString()}`,
      tree: head.commit.tree.sha,
      parents: []
    })
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
      const taken = await lockTime(client, at)
      if (taken !== null && Date.now() - taken > staleMs) {
        options.log?.(`Breaking a stale goals-sync lock from ${new Date(taken).toISOString()}.`)
        await client.rest.git.deleteRef({ ...at, ref: LOCK_REF }).catch(() => {})
        continue
      }
      if (Date.now() - started > waitMs) {
        throw new ActionError(
          `Another goals-sync run has held refs/${LOCK_REF} for over ${Math.round(waitMs / 1000)}s; run again later ` +
            '(a "concurrency: goals-sync" group in the workflow avoids the wait).'
        )
      }
      if (taken !== null)
        options.log?.('Another goals-sync run is syncing this repository; waiting for it.')
      await sleep(pollMs)
    }
  } catch (error) {
    throw explainAccess(error, 'take the goals-sync lock', 'contents: write')
  }
}
