// Commit history as the repository API shows it: listing (optionally by path), a
// single commit with its files, and comparing two refs.
import type { components } from '@octokit/openapi-types'
import { ApiError, notFound, ok, paged } from './http.ts'
import type { Route } from './http.ts'
import { commitChanges, diffTrees, getBlob, getCommit, history, lookup } from './git.ts'
import type { Change } from './git.ts'
import { gitCommitJson } from './objects.ts'
import { branchHead, resolveCommitish } from './refs.ts'
import type { RepoState } from './state.ts'
import { loginFromEmail, SERVER_URL, simpleUser } from './users.ts'

type CommitJson = components['schemas']['commit']
type DiffEntry = components['schemas']['diff-entry']

function lines(state: RepoState, sha: string | undefined): string[] {
  const data = sha ? getBlob(state.objects, sha)?.data : undefined
  return data ? data.toString('utf8').split('\n') : []
}

// Counts changed lines by comparing the two sides as multisets: not a real diff, but
// it gives the right totals for the small edits tests make.
function lineCounts(state: RepoState, c: Change): { additions: number; deletions: number } {
  const before = lines(state, c.before?.sha)
  const after = lines(state, c.after?.sha)
  const pool = new Map<string, number>()
  for (const l of before) pool.set(l, (pool.get(l) ?? 0) + 1)
  let kept = 0
  for (const l of after) {
    const n = pool.get(l) ?? 0
    if (n > 0) {
      pool.set(l, n - 1)
      kept += 1
    }
  }
  return { additions: after.length - kept, deletions: before.length - kept }
}

function diffEntry(state: RepoState, api: string, ref: string, c: Change): DiffEntry {
  const repo = `${api}/repos/${state.owner}/${state.name}`
  const { additions, deletions } = lineCounts(state, c)
  const path = encodeURI(c.path)
  return {
    sha: (c.after ?? c.before)?.sha ?? null,
    filename: c.path,
    status: c.status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `${SERVER_URL}/${state.owner}/${state.name}/blob/${ref}/${path}`,
    raw_url: `${SERVER_URL}/${state.owner}/${state.name}/raw/${ref}/${path}`,
    contents_url: `${repo}/contents/${path}?ref=${ref}`
  }
}

function account(api: string, email: string) {
  const login = email === 'noreply@github.com' ? 'web-flow' : loginFromEmail(email)
  return login ? simpleUser(login, api) : null
}

export function commitJson(
  state: RepoState,
  api: string,
  sha: string,
  withFiles: boolean
): CommitJson {
  const git = gitCommitJson(state, api, sha)
  const c = getCommit(state.objects, sha) ?? notFound()
  const repo = `${api}/repos/${state.owner}/${state.name}`
  const json: CommitJson = {
    sha,
    node_id: git.node_id,
    url: `${repo}/commits/${sha}`,
    html_url: git.html_url,
    comments_url: `${repo}/commits/${sha}/comments`,
    commit: {
      url: git.url,
      author: git.author,
      committer: git.committer,
      message: git.message,
      comment_count: 0,
      tree: git.tree,
      verification: git.verification
    },
    author: c.authorLogin ? simpleUser(c.authorLogin, api) : account(api, c.author.email),
    committer: account(api, c.committer.email),
    parents: git.parents
  }
  if (!withFiles) return json
  const files = commitChanges(state.objects, sha).map(ch => diffEntry(state, api, sha, ch))
  const additions = files.reduce((n, f) => n + f.additions, 0)
  const deletions = files.reduce((n, f) => n + f.deletions, 0)
  return { ...json, files, stats: { additions, deletions, total: additions + deletions } }
}

/** Whether a commit changed `path` (a file or a directory) compared with every parent. */
function touches(state: RepoState, sha: string, path: string): boolean {
  const c = getCommit(state.objects, sha)
  if (!c) return false
  const here = lookup(state.objects, c.tree, path)?.sha
  if (c.parents.length === 0) return here !== undefined
  // Like git log's history simplification: same content as any parent means untouched.
  return c.parents.every(p => {
    const parent = getCommit(state.objects, p)
    return !parent || lookup(state.objects, parent.tree, path)?.sha !== here
  })
}

function newestFirst(state: RepoState, shas: string[]): string[] {
  const time = (sha: string) => Date.parse(getCommit(state.objects, sha)?.committer.date ?? '')
  return shas
    .map((sha, i) => ({ sha, i }))
    .sort((a, b) => time(b.sha) - time(a.sha) || a.i - b.i)
    .map(x => x.sha)
}

const DOCS = 'https://docs.github.com/rest/commits/commits'

export const commitRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/:owner/:repo/commits',
    scope: 'contents',
    docs: `${DOCS}#list-commits`,
    handle: ctx => {
      const { state, query } = ctx
      const head = query.sha
        ? resolveCommitish(state, query.sha)
        : branchHead(state, state.defaultBranch)
      if (!head) return notFound()
      const path = query.path?.replace(/^\/+|\/+$/g, '')
      const since = query.since ? Date.parse(query.since) : -Infinity
      const until = query.until ? Date.parse(query.until) : Infinity
      const shas = newestFirst(state, history(state.objects, head)).filter(sha => {
        const c = getCommit(state.objects, sha)
        const when = Date.parse(c?.committer.date ?? '')
        if (when < since || when > until) return false
        if (query.author && c?.authorLogin?.toLowerCase() !== query.author.toLowerCase())
          return false
        return !path || touches(state, sha, path)
      })
      return paged(
        ctx,
        shas.map(sha => commitJson(state, ctx.api, sha, false))
      )
    }
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/commits/*ref',
    scope: 'contents',
    docs: `${DOCS}#get-a-commit`,
    handle: ctx => {
      const ref = ctx.params.ref ?? ''
      const sha = resolveCommitish(ctx.state, ref)
      if (!sha) throw new ApiError(422, `No commit found for SHA: ${ref}`)
      return ok(commitJson(ctx.state, ctx.api, sha, true))
    }
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/compare/*basehead',
    scope: 'contents',
    docs: `${DOCS}#compare-two-commits`,
    handle: ctx => {
      const { state, api } = ctx
      const [baseRef = '', headRef = ''] = (ctx.params.basehead ?? '').split('...')
      const base = resolveCommitish(state, baseRef)
      const head = resolveCommitish(state, headRef)
      if (!base || !head) return notFound()
      const fromBase = history(state.objects, base)
      const fromHead = history(state.objects, head)
      const mergeBase = fromHead.find(sha => fromBase.includes(sha))
      if (!mergeBase) return notFound(`No common ancestor between ${baseRef} and ${headRef}.`)
      const ahead = fromHead.filter(sha => !fromBase.includes(sha))
      const behind = fromBase.filter(sha => !fromHead.includes(sha))
      const status =
        ahead.length === 0 && behind.length === 0
          ? 'identical'
          : behind.length === 0
            ? 'ahead'
            : ahead.length === 0
              ? 'behind'
              : 'diverged'
      const tree = (sha: string) => getCommit(state.objects, sha)?.tree ?? null
      const files = diffTrees(state.objects, tree(mergeBase), tree(head) ?? '')
      const html = `${SERVER_URL}/${state.owner}/${state.name}/compare/${baseRef}...${headRef}`
      const body: components['schemas']['commit-comparison'] = {
        url: `${api}/repos/${state.owner}/${state.name}/compare/${baseRef}...${headRef}`,
        html_url: html,
        permalink_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        base_commit: commitJson(state, api, base, false),
        merge_base_commit: commitJson(state, api, mergeBase, false),
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        commits: [...ahead].reverse().map(sha => commitJson(state, api, sha, false)),
        files: files.map(ch => diffEntry(state, api, head, ch))
      }
      return ok(body)
    }
  }
]
