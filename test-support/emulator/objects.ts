// The git database API: blobs, trees and commits as raw objects.
import type { components } from '@octokit/openapi-types'
import { ApiError, asObject, notFound, ok } from './http.ts'
import type { Actor, Route } from './http.ts'
import {
  buildTree,
  flatten,
  getBlob,
  getCommit,
  getTree,
  writeBlob,
  writeCommit,
  wrapBase64
} from './git.ts'
import type { FlatTree, Person, TreeEntry } from './git.ts'
import { resolveCommitish } from './refs.ts'
import type { RepoState } from './state.ts'
import { loginFromEmail, noreplyEmail } from './users.ts'

type GitCommit = components['schemas']['git-commit']
type GitTree = components['schemas']['git-tree']

const DOCS = 'https://docs.github.com/rest/git'
// GitHub signs commits it creates on someone's behalf as this committer.
const WEB_FLOW = { name: 'GitHub', email: 'noreply@github.com' }

function repoUrl(state: RepoState, api: string) {
  return `${api}/repos/${state.owner}/${state.name}`
}

function person(value: unknown, date: string): Person | undefined {
  const p = asObject(value)
  if (typeof p.name !== 'string' || typeof p.email !== 'string') return undefined
  return { name: p.name, email: p.email, date: typeof p.date === 'string' ? p.date : date }
}

/**
 * Creates a commit as GitHub does for an API caller. Without an explicit author the
 * commit belongs to the token's account and GitHub signs it (verified); an author
 * supplied by the caller yields an unsigned commit.
 */
export function makeCommit(
  state: RepoState,
  actor: Actor,
  c: { tree: string; parents: string[]; message: string; author?: unknown; committer?: unknown }
): string {
  const date = state.clock.next()
  const author = person(c.author, date)
  const committer = person(c.committer, date)
  const self = { name: actor.login, email: noreplyEmail(actor.login), date }
  const signed = !author && !committer
  return writeCommit(state.objects, {
    tree: c.tree,
    parents: c.parents,
    message: c.message,
    author: author ?? self,
    committer: committer ?? (author ? author : { ...WEB_FLOW, date }),
    authorLogin: author ? loginFromEmail(author.email) : actor.login,
    verified: signed
  })
}

export function gitCommitJson(state: RepoState, api: string, sha: string): GitCommit {
  const c = getCommit(state.objects, sha)
  if (!c) return notFound()
  const repo = repoUrl(state, api)
  const html = `https://github.com/${state.owner}/${state.name}`
  return {
    sha,
    node_id: Buffer.from(`06:Commit${state.id}:${sha}`).toString('base64'),
    url: `${repo}/git/commits/${sha}`,
    html_url: `${html}/commit/${sha}`,
    author: c.author,
    committer: c.committer,
    message: c.message,
    tree: { sha: c.tree, url: `${repo}/git/trees/${c.tree}` },
    parents: c.parents.map(p => ({
      sha: p,
      url: `${repo}/git/commits/${p}`,
      html_url: `${html}/commit/${p}`
    })),
    verification: {
      verified: c.verified,
      reason: c.verified ? 'valid' : 'unsigned',
      signature: c.verified
        ? '-----BEGIN PGP SIGNATURE-----\n\nemulated\n-----END PGP SIGNATURE-----\n'
        : null,
      payload: c.verified ? `tree ${c.tree}\n` : null,
      verified_at: c.verified ? c.committer.date : null
    }
  }
}

function treeJson(state: RepoState, api: string, sha: string, recursive: boolean): GitTree {
  const repo = repoUrl(state, api)
  const entries: GitTree['tree'] = []
  const walk = (treeSha: string, prefix: string) => {
    for (const e of getTree(state.objects, treeSha)?.entries ?? []) {
      const path = prefix + e.name
      const kind = e.type === 'tree' ? 'trees' : 'blobs'
      const size = e.type === 'blob' ? getBlob(state.objects, e.sha)?.data.length : undefined
      entries.push({
        path,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...(size === undefined ? {} : { size }),
        ...(e.type === 'commit' ? {} : { url: `${repo}/git/${kind}/${e.sha}` })
      })
      if (recursive && e.type === 'tree') walk(e.sha, `${path}/`)
    }
  }
  walk(sha, '')
  return { sha, url: `${repo}/git/trees/${sha}`, tree: entries, truncated: false }
}

const MODES: Record<string, TreeEntry['type']> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit'
}

function invalidTree(): never {
  throw new ApiError(422, 'Invalid tree info')
}

// POST /git/trees: entries add, replace or (with sha: null) delete paths of base_tree.
function createTree(state: RepoState, body: Record<string, unknown>): string {
  const base = typeof body.base_tree === 'string' ? body.base_tree : undefined
  let baseTree: string | undefined
  if (base !== undefined) {
    baseTree = getTree(state.objects, base) ? base : getCommit(state.objects, base)?.tree
    if (!baseTree) throw new ApiError(422, `base_tree ${base} is not a valid tree`)
  }
  const flat: FlatTree = baseTree ? flatten(state.objects, baseTree) : new Map()
  if (!Array.isArray(body.tree)) invalidTree()
  for (const raw of body.tree) {
    const e = asObject(raw)
    const { path } = e
    const mode = String(e.mode)
    const type = MODES[mode]
    if (typeof path !== 'string' || !path || path.startsWith('/') || !type) invalidTree()
    if (e.type !== undefined && e.type !== type) invalidTree()
    // Replacing or deleting a path also drops anything that lived below it.
    for (const p of [...flat.keys()]) if (p === path || p.startsWith(`${path}/`)) flat.delete(p)
    if (e.sha === null) continue
    if (typeof e.content === 'string') {
      if (type !== 'blob') invalidTree()
      flat.set(path, { mode, type, sha: writeBlob(state.objects, Buffer.from(e.content)) })
    } else if (typeof e.sha === 'string') {
      if (type === 'blob' && !getBlob(state.objects, e.sha))
        throw new ApiError(422, `tree.sha ${e.sha} is not a valid blob`)
      if (type === 'tree') {
        if (!getTree(state.objects, e.sha))
          throw new ApiError(422, `tree.sha ${e.sha} is not a valid tree`)
        for (const [p, sub] of flatten(state.objects, e.sha)) flat.set(`${path}/${p}`, sub)
      } else flat.set(path, { mode, type, sha: e.sha })
    } else invalidTree()
  }
  return buildTree(state.objects, flat)
}

export const objectRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/:owner/:repo/git/blobs',
    scope: 'contents',
    docs: `${DOCS}/blobs#create-a-blob`,
    handle: ctx => {
      const { content, encoding = 'utf-8' } = asObject(ctx.body)
      if (typeof content !== 'string')
        throw new ApiError(422, 'Invalid request.\n\n"content" wasn\'t supplied.')
      if (encoding !== 'utf-8' && encoding !== 'base64') {
        throw new ApiError(422, 'encoding must be either "utf-8" or "base64"')
      }
      const data = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8')
      const sha = writeBlob(ctx.state.objects, data)
      const url = `${repoUrl(ctx.state, ctx.api)}/git/blobs/${sha}`
      return ok({ url, sha }, 201, { location: url })
    }
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/git/blobs/:sha',
    scope: 'contents',
    docs: `${DOCS}/blobs#get-a-blob`,
    handle: ctx => {
      const sha = ctx.params.sha ?? ''
      const blob = getBlob(ctx.state.objects, sha) ?? notFound()
      const json: components['schemas']['blob'] = {
        sha,
        node_id: Buffer.from(`04:Blob${ctx.state.id}:${sha}`).toString('base64'),
        size: blob.data.length,
        url: `${repoUrl(ctx.state, ctx.api)}/git/blobs/${sha}`,
        content: wrapBase64(blob.data),
        encoding: 'base64'
      }
      return ok(json)
    }
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/git/trees',
    scope: 'contents',
    docs: `${DOCS}/trees#create-a-tree`,
    handle: ctx => {
      const sha = createTree(ctx.state, asObject(ctx.body))
      const json = treeJson(ctx.state, ctx.api, sha, false)
      return ok(json, 201, { location: json.url ?? '' })
    }
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/git/trees/:sha',
    scope: 'contents',
    docs: `${DOCS}/trees#get-a-tree`,
    handle: ctx => {
      const { state } = ctx
      const wanted = ctx.params.sha ?? ''
      const commit = resolveCommitish(state, wanted)
      const sha = getTree(state.objects, wanted)
        ? wanted
        : commit && getCommit(state.objects, commit)?.tree
      // GitHub treats any value of `recursive`, even 0 or false, as a request to recurse.
      return sha ? ok(treeJson(state, ctx.api, sha, 'recursive' in ctx.query)) : notFound()
    }
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/git/commits',
    scope: 'contents',
    docs: `${DOCS}/commits#create-a-commit`,
    handle: ctx => {
      const { state } = ctx
      const body = asObject(ctx.body)
      const { message, tree, parents = [] } = body
      if (typeof message !== 'string')
        throw new ApiError(422, 'Invalid request.\n\n"message" wasn\'t supplied.')
      if (typeof tree !== 'string' || !getTree(state.objects, tree)) {
        throw new ApiError(422, 'Tree SHA does not exist')
      }
      if (
        !Array.isArray(parents) ||
        parents.some(p => typeof p !== 'string' || !getCommit(state.objects, p))
      ) {
        throw new ApiError(422, 'Parent SHA does not exist or is not a commit object')
      }
      const sha = makeCommit(state, ctx.actor, {
        ...body,
        tree,
        parents: parents as string[],
        message
      })
      const json = gitCommitJson(state, ctx.api, sha)
      return ok(json, 201, { location: json.url })
    }
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/git/commits/:sha',
    scope: 'contents',
    docs: `${DOCS}/commits#get-a-commit-object`,
    handle: ctx => ok(gitCommitJson(ctx.state, ctx.api, ctx.params.sha ?? ''))
  }
]
