// Commits the goals file and badge in one commit through the Git Data API, on
// top of the branch head and never forced. When the branch moves during the
// run, the edits are applied again to the new head and the commit retried.
import type { Client } from './octokit-client.ts'
import { ActionError, explainAccess, messageOf, statusOf } from './errors.ts'
import { readFile } from './files.ts'
import type { RepoRef } from './issues.ts'

/** Given a way to read files at the head, the files to write (only those that change). */
export type Produce = (
  read: (path: string) => Promise<string | null>,
  head: string
) => Promise<Map<string, string>>

export interface CommitOptions {
  branch: string
  message: string
  produce: Produce
  maxAttempts?: number
  /** Milliseconds before retry n (1-based); defaults grow with n. */
  backoff?: (attempt: number) => number
  /** Asked before each attempt's writes; false stops with BudgetSpent. */
  mayWrite?: () => boolean
  /**
   * The head the run read its files at, with those files: the first attempt
   * builds on it without reading anything (the fast-forward check catches a
   * branch that moved since, and the next attempt reads the new head).
   */
  known?: KnownHead
}

export interface KnownHead {
  sha: string
  tree: string
  /** Files read at this head; undefined for one not read. */
  files: Map<string, string | null>
}

/** The run's write budget does not cover the commit; the next run makes it. */
export class BudgetSpent extends Error {}

export interface CommitResult {
  sha: string | null
  files: string[]
  attempts: number
  pullRequest?: { number: number; url: string; created: boolean }
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

async function headOf(client: Client, at: RepoRef, branch: string): Promise<string | null> {
  try {
    const { data } = await client.rest.git.getRef({ ...at, ref: `heads/${branch}` })
    return data.object.sha
  } catch (error) {
    if (statusOf(error) === 404) return null
    throw explainAccess(error, `read the branch ${branch}`, 'contents: read')
  }
}

async function writeCommit(
  client: Client,
  at: RepoRef,
  parents: string[],
  base: string | { tree: string },
  files: Map<string, string>,
  message: string
) {
  try {
    const baseTree =
      typeof base === 'string'
        ? (await client.rest.git.getCommit({ ...at, commit_sha: base })).data.tree.sha
        : base.tree
    const entry = (path: string, blob: { content: string } | { sha: string }) => ({
      path,
      mode: '100644' as const,
      type: 'blob' as const,
      ...blob
    })
    const createTree = (tree: ReturnType<typeof entry>[]) =>
      client.rest.git.createTree({ ...at, base_tree: baseTree, tree })
    const tree = await createTree(
      [...files].map(([path, content]) => entry(path, { content }))
    ).catch(async (error: unknown) => {
      // A server that takes no inline content in trees gets the blobs first.
      if (statusOf(error) !== 400 && statusOf(error) !== 422) throw error
      const blobs = []
      for (const [path, content] of files) {
        const { data } = await client.rest.git.createBlob({ ...at, content, encoding: 'utf-8' })
        blobs.push(entry(path, { sha: data.sha }))
      }
      return createTree(blobs)
    })
    // No author or committer: GitHub then signs the commit as the token's identity.
    const { data: commit } = await client.rest.git.createCommit({
      ...at,
      message,
      tree: tree.data.sha,
      parents
    })
    return commit.sha
  } catch (error) {
    throw explainAccess(error, 'write the commit', 'contents: write')
  }
}

function protectionError(branch: string, error: unknown): ActionError {
  return new ActionError(
    `The branch "${branch}" refused the commit: ${messageOf(error).split('\n')[0]} (branch protection or a ruleset). ` +
      'Fix: set the input "commit: pull-request" so goals-sync opens a pull request instead, ' +
      'or let the workflow token bypass the rule.'
  )
}

const isProtection = (error: unknown) =>
  (statusOf(error) === 422 || statusOf(error) === 409 || statusOf(error) === 403) &&
  /protected branch|rule violation|ruleset|required status|changes must be made/i.test(
    messageOf(error)
  )

const isNotFastForward = (error: unknown) =>
  statusOf(error) === 422 && /fast.forward/i.test(messageOf(error))

/** The branch head and the files that would change there; the budget is asked only when there are some. */
async function changesAtHead(
  client: Client,
  at: RepoRef,
  options: CommitOptions,
  known?: KnownHead
) {
  const head = known?.sha ?? (await headOf(client, at, options.branch))
  if (!head) {
    throw new ActionError(
      `Branch "${options.branch}" does not exist; set the input "branch" to an existing branch.`
    )
  }
  const files = await options.produce(path => {
    const cached = known?.files.get(path)
    if (cached !== undefined) return Promise.resolve(cached)
    return readFile(client, at, path, head).then(f => f?.text ?? null)
  }, head)
  if (files.size > 0 && options.mayWrite && !options.mayWrite()) {
    throw new BudgetSpent('no write budget left for the commit')
  }
  return { head, files }
}

export async function commitToBranch(
  client: Client,
  at: RepoRef,
  options: CommitOptions
): Promise<CommitResult> {
  const attempts = options.maxAttempts ?? 5
  const backoff = options.backoff ?? (n => 500 * n * n)
  for (let attempt = 1; ; attempt++) {
    const known = attempt === 1 ? options.known : undefined
    const { head, files } = await changesAtHead(client, at, options, known)
    if (files.size === 0) return { sha: null, files: [], attempts: attempt }
    const sha = await writeCommit(client, at, [head], known ?? head, files, options.message)
    try {
      await client.rest.git.updateRef({ ...at, ref: `heads/${options.branch}`, sha, force: false })
      return { sha, files: [...files.keys()], attempts: attempt }
    } catch (error) {
      if (isProtection(error)) throw protectionError(options.branch, error)
      if (!isNotFastForward(error))
        throw explainAccess(error, `update the branch ${options.branch}`, 'contents: write')
      if (attempt >= attempts) {
        throw new ActionError(
          `The branch "${options.branch}" kept moving during the run (${attempts} tries); run the workflow again.`
        )
      }
      await sleep(backoff(attempt))
    }
  }
}

/**
 * The same edits as a pull request from the action's own branch. Each run adds
 * one commit whose tree is the base head plus the new files; when the base has
 * moved, the commit also has the base head as a parent, so the branch is only
 * ever fast-forwarded and the pull request shows just the sync's changes.
 */
export async function commitAsPullRequest(
  client: Client,
  at: RepoRef,
  options: CommitOptions & { prBranch: string; title: string; body: string }
): Promise<CommitResult> {
  const { head: baseHead, files } = await changesAtHead(client, at, options)
  if (files.size === 0) return { sha: null, files: [], attempts: 1 }
  const prHead = await headOf(client, at, options.prBranch)
  let parents = [baseHead]
  if (prHead) {
    const { data: last } = await client.rest.git.getCommit({ ...at, commit_sha: prHead })
    parents =
      last.parents.some(p => p.sha === baseHead) || prHead === baseHead
        ? [prHead]
        : [prHead, baseHead]
  }
  const sha = await writeCommit(client, at, parents, baseHead, files, options.message)
  try {
    if (prHead)
      await client.rest.git.updateRef({
        ...at,
        ref: `heads/${options.prBranch}`,
        sha,
        force: false
      })
    else await client.rest.git.createRef({ ...at, ref: `refs/heads/${options.prBranch}`, sha })
  } catch (error) {
    throw explainAccess(error, `push the branch ${options.prBranch}`, 'contents: write')
  }
  try {
    const { data: open } = await client.rest.pulls.list({
      ...at,
      state: 'open',
      head: `${at.owner}:${options.prBranch}`,
      base: options.branch
    })
    const existing = open[0]
    if (existing) {
      return {
        sha,
        files: [...files.keys()],
        attempts: 1,
        pullRequest: { number: existing.number, url: existing.html_url, created: false }
      }
    }
    const { data: pr } = await client.rest.pulls.create({
      ...at,
      title: options.title,
      body: options.body,
      head: options.prBranch,
      base: options.branch
    })
    return {
      sha,
      files: [...files.keys()],
      attempts: 1,
      pullRequest: { number: pr.number, url: pr.html_url, created: true }
    }
  } catch (error) {
    throw explainAccess(error, 'open the pull request', 'pull-requests: write')
  }
}
