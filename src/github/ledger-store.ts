// Where the ledger is kept. With `commit: push` it is a file committed with the
// goals file and badge (so it can never disagree with them). With
// `commit: pull-request` or `none` the branch is not updated by the run, so the
// ledger is committed on the action's own ref instead: a chain of commits
// whose tree holds ledger.json, moved only by fast-forward (compare-and-swap:
// of two runs at once, the second is refused and merges again).
import type { Client } from './octokit-client.ts'
import { explainAccess, statusOf } from './errors.ts'
import { readFile } from './files.ts'
import type { RepoRef } from './issues.ts'

export const LEDGER_REF = 'goals-sync/ledger'
const FILE_IN_REF = 'ledger.json'

export interface StoredLedger {
  text: string
  /** The ref's commit, for the compare-and-swap of the next write. */
  commit: string
}

/** The ledger on the action's ref, or null when there is none yet. */
export async function readLedgerRef(client: Client, at: RepoRef): Promise<StoredLedger | null> {
  let commit: string
  try {
    const { data } = await client.rest.git.getRef({ ...at, ref: LEDGER_REF })
    commit = data.object.sha
  } catch (error) {
    if (statusOf(error) === 404) return null
    throw explainAccess(error, `read refs/${LEDGER_REF}`, 'contents: read')
  }
  const file = await readFile(client, at, FILE_IN_REF, commit)
  return file ? { text: file.text, commit } : null
}

/**
 * Writes the ledger as a new commit on the ref, on top of `parent` (null: the
 * ref is new). False when another run moved the ref first: re-read, merge, retry.
 */
export async function writeLedgerRef(
  client: Client,
  at: RepoRef,
  text: string,
  parent: string | null
): Promise<boolean> {
  try {
    const { data: tree } = await client.rest.git.createTree({
      ...at,
      tree: [{ path: FILE_IN_REF, mode: '100644', type: 'blob', content: text }]
    })
    const { data: commit } = await client.rest.git.createCommit({
      ...at,
      message: 'goals-sync ledger',
      tree: tree.sha,
      parents: parent ? [parent] : []
    })
    try {
      if (parent)
        await client.rest.git.updateRef({ ...at, ref: LEDGER_REF, sha: commit.sha, force: false })
      else await client.rest.git.createRef({ ...at, ref: `refs/${LEDGER_REF}`, sha: commit.sha })
      return true
    } catch (error) {
      if (statusOf(error) === 422) return false
      throw error
    }
  } catch (error) {
    throw explainAccess(error, `write refs/${LEDGER_REF}`, 'contents: write')
  }
}
