// Reading files at a ref through the API, so the action needs no checkout.
import type { Client } from './octokit-client.ts'
import { ActionError, explainAccess, messageOf, statusOf } from './errors.ts'
import type { RepoRef } from './issues.ts'

export interface RepoFile {
  text: string
  /** Git blob SHA. */
  sha: string
}

/** The API serves file contents up to 100 MB; past that there is nothing to read. */
const API_FILE_LIMIT = 100 * 1024 * 1024

/** The file at `ref`, or null when it does not exist there. */
export async function readFile(
  client: Client,
  at: RepoRef,
  path: string,
  ref: string
): Promise<RepoFile | null> {
  let data: unknown
  try {
    ;({ data } = await client.rest.repos.getContent({ ...at, path, ref }))
  } catch (error) {
    if (statusOf(error) === 404) return null
    if (statusOf(error) === 403 && /too.large|too_large/i.test(messageOf(error))) {
      throw new ActionError(
        `${path} is too large for the GitHub API (over 100 MB); keep the goals file smaller.`
      )
    }
    throw explainAccess(error, `read ${path} at ${ref}`, 'contents: read')
  }
  if (Array.isArray(data) || (data as { type?: string }).type !== 'file') {
    throw new ActionError(
      `${path} is not a file at ${ref} (it is a ${Array.isArray(data) ? 'directory' : (data as { type?: string }).type}); point the input at the file itself.`
    )
  }
  const file = data as { content?: string; encoding?: string; sha: string; size: number }
  if (file.size > API_FILE_LIMIT) {
    throw new ActionError(
      `${path} is ${(file.size / 1024 / 1024).toFixed(0)} MB, over the 100 MB the GitHub API serves; keep the goals file smaller.`
    )
  }
  // Files over 1 MB come without content; the blob API serves them.
  const base64 =
    file.encoding === 'base64' && file.content !== undefined
      ? file.content
      : (await client.rest.git.getBlob({ ...at, file_sha: file.sha })).data.content
  return { text: decodeUtf8(Buffer.from(base64, 'base64'), path), sha: file.sha }
}

/** Strict: a lenient decode would replace bytes and the commit back would change lines we do not own. */
function decodeUtf8(bytes: Buffer, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw new ActionError(
      `${path} is not UTF-8 text; save it as UTF-8 so goals-sync can edit it without changing other bytes.`
    )
  }
}

/** Tells a missing branch from a missing file after a 404, so the error can say which. */
export async function branchExists(client: Client, at: RepoRef, branch: string): Promise<boolean> {
  try {
    await client.rest.git.getRef({ ...at, ref: `heads/${branch}` })
    return true
  } catch (error) {
    if (statusOf(error) === 404) return false
    throw explainAccess(error, `read the branch ${branch}`, 'contents: read')
  }
}

export async function defaultBranch(client: Client, at: RepoRef): Promise<string> {
  try {
    const { data } = await client.rest.repos.get({ ...at })
    return data.default_branch
  } catch (error) {
    if (statusOf(error) === 404) {
      throw new ActionError(
        `Repository ${at.owner}/${at.repo} was not found, or the token cannot see it.`
      )
    }
    throw explainAccess(error, `read the repository ${at.owner}/${at.repo}`, 'contents: read')
  }
}

export interface Head {
  sha: string
  tree: string
}

/** The branch's head commit and its tree, in one read. */
export async function readHead(client: Client, at: RepoRef, branch: string): Promise<Head> {
  try {
    const { data } = await client.rest.repos.getCommit({ ...at, ref: `heads/${branch}` })
    return { sha: data.sha, tree: data.commit.tree.sha }
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 422) {
      throw new ActionError(
        `Branch "${branch}" does not exist in ${at.owner}/${at.repo}: set the input "branch" to an existing branch, or leave it empty for the default branch.`
      )
    }
    throw explainAccess(error, `read the branch ${branch}`, 'contents: read')
  }
}

/**
 * Every file on the branch with its blob id, from one recursive tree read: what a `path`
 * glob is matched against. A tree too large for one answer is refused rather
 * than matched in part, so no goals file is silently left out.
 */
export async function listPaths(
  client: Client,
  at: RepoRef,
  branch: string
): Promise<Map<string, string>> {
  let data: { tree: { path?: string; type?: string; sha?: string }[]; truncated: boolean }
  try {
    ;({ data } = await client.rest.git.getTree({ ...at, tree_sha: branch, recursive: 'true' }))
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 409) {
      throw new ActionError(
        `Branch "${branch}" does not exist in ${at.owner}/${at.repo} (or is empty): set the input "branch" to an existing branch, or leave it empty for the default branch.`
      )
    }
    throw explainAccess(error, `list the files of ${branch}`, 'contents: read')
  }
  if (data.truncated) {
    throw new ActionError(
      `The repository's file list on "${branch}" is too large for one read, so the glob in input "path" cannot be matched reliably; list the goals files by name instead (comma-separated).`
    )
  }
  // Path → blob id: a file's id tells whether it is still as the action last wrote it.
  return new Map(
    data.tree
      .filter(e => e.type === 'blob' && e.path && e.sha)
      .map(e => [e.path as string, e.sha as string])
  )
}
