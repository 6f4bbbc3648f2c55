// The contents API: read a file or directory at a ref, and create, update or delete a
// single file as one commit (with the optimistic-locking sha check GitHub applies).
import type { components } from '@octokit/openapi-types'
import { ApiError, asObject, notFound, ok } from './http.ts'
import type { Ctx, Route } from './http.ts'
import { editTree, getBlob, getCommit, getTree, lookup, wrapBase64 } from './git.ts'
import type { TreeEntry } from './git.ts'
import { gitCommitJson, makeCommit } from './objects.ts'
import { branchHead, guardBranch, resolveCommitish } from './refs.ts'
import type { RepoState } from './state.ts'
import { SERVER_URL } from './users.ts'

type ContentFile = components['schemas']['content-file']
type DirectoryItem = components['schemas']['content-directory'][number]

// Above 1 MB GitHub stops inlining file content in the JSON form of the response.
const INLINE_LIMIT = 1024 * 1024
const DOCS = 'https://docs.github.com/rest/repos/contents'

function links(state: RepoState, api: string, path: string, ref: string, e: TreeEntry) {
  const repo = `${api}/repos/${state.owner}/${state.name}`
  const kind = e.type === 'tree' ? 'tree' : 'blob'
  const self = `${repo}/contents/${encodeURI(path)}?ref=${encodeURIComponent(ref)}`
  const git = `${repo}/git/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`
  const html = `${SERVER_URL}/${state.owner}/${state.name}/${kind}/${ref}/${encodeURI(path)}`
  const download =
    e.type === 'blob'
      ? `${SERVER_URL}/${state.owner}/${state.name}/raw/${ref}/${encodeURI(path)}`
      : null
  return {
    url: self,
    git_url: git,
    html_url: html,
    download_url: download,
    _links: { self, git, html }
  }
}

function item(
  state: RepoState,
  api: string,
  path: string,
  ref: string,
  e: TreeEntry
): DirectoryItem {
  const type =
    e.type === 'tree'
      ? 'dir'
      : e.type === 'commit'
        ? 'submodule'
        : e.mode === '120000'
          ? 'symlink'
          : 'file'
  const size = e.type === 'blob' ? (getBlob(state.objects, e.sha)?.data.length ?? 0) : 0
  return { type, size, name: e.name, path, sha: e.sha, ...links(state, api, path, ref, e) }
}

export function fileJson(
  state: RepoState,
  api: string,
  path: string,
  ref: string,
  e: TreeEntry
): ContentFile {
  const data = getBlob(state.objects, e.sha)?.data ?? Buffer.alloc(0)
  const inline = data.length <= INLINE_LIMIT
  return {
    type: 'file',
    encoding: inline ? 'base64' : 'none',
    size: data.length,
    name: e.name,
    path,
    content: inline ? wrapBase64(data) : '',
    sha: e.sha,
    ...links(state, api, path, ref, e)
  }
}

function getContents(ctx: Ctx) {
  const { state } = ctx
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '')
  const ref = ctx.query.ref || state.defaultBranch
  const sha = resolveCommitish(state, ref)
  if (!sha) return notFound(`No commit found for the ref ${ref}`)
  const tree = getCommit(state.objects, sha)?.tree ?? ''
  const e = lookup(state.objects, tree, path)
  if (!e) return notFound()
  if (e.type === 'tree') {
    const entries = getTree(state.objects, e.sha)?.entries ?? []
    return ok(entries.map(c => item(state, ctx.api, path ? `${path}/${c.name}` : c.name, ref, c)))
  }
  if (/\bvnd\.github(\.v3)?\.raw\b/.test(ctx.accept)) {
    return { status: 200, text: getBlob(state.objects, e.sha)?.data.toString('utf8') ?? '' }
  }
  return ok(fileJson(state, ctx.api, path, ref, e))
}

function fileCommit(ctx: Ctx, change: 'put' | 'delete') {
  const { state } = ctx
  const path = (ctx.params.path ?? '').replace(/^\/+/, '')
  const body = asObject(ctx.body)
  const branch = typeof body.branch === 'string' ? body.branch : state.defaultBranch
  const missing = (field: string) =>
    new ApiError(422, `Invalid request.\n\n"${field}" wasn't supplied.`)
  if (typeof body.message !== 'string') throw missing('message')
  if (change === 'put' && typeof body.content !== 'string') throw missing('content')
  const head = branchHead(state, branch) ?? notFound(`Branch ${branch} not found`)
  const existing = lookup(state.objects, getCommit(state.objects, head)?.tree ?? '', path)
  if (existing?.type === 'tree') throw new ApiError(422, `${path} is a directory`)
  if (change === 'delete' && !existing) return notFound()
  if (existing && body.sha === undefined) throw missing('sha')
  if (existing && body.sha !== existing.sha)
    throw new ApiError(409, `${path} does not match ${String(body.sha)}`)
  guardBranch(state, `refs/heads/${branch}`, 'update', 409)
  const data = change === 'put' ? Buffer.from(String(body.content), 'base64') : null
  const tree = editTree(state.objects, getCommit(state.objects, head)?.tree ?? null, {
    [path]: data
  })
  const sha = makeCommit(state, ctx.actor, {
    tree,
    parents: [head],
    message: body.message,
    author: body.author,
    committer: body.committer
  })
  state.refs.set(`refs/heads/${branch}`, sha)
  const commit = gitCommitJson(state, ctx.api, sha)
  if (change === 'delete') return ok({ content: null, commit })
  const entry = lookup(state.objects, tree, path) ?? notFound()
  const {
    name,
    sha: blob,
    size,
    url,
    html_url,
    git_url,
    download_url,
    _links
  } = fileJson(state, ctx.api, path, branch, entry)
  const content = {
    name,
    path,
    sha: blob,
    size,
    url,
    html_url,
    git_url,
    download_url,
    type: 'file',
    _links
  }
  return ok({ content, commit }, existing ? 200 : 201)
}

export const contentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/:owner/:repo/contents/*path',
    scope: 'contents',
    docs: `${DOCS}#get-repository-content`,
    handle: getContents
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/contents',
    scope: 'contents',
    docs: `${DOCS}#get-repository-content`,
    handle: getContents
  },
  {
    method: 'PUT',
    path: '/repos/:owner/:repo/contents/*path',
    scope: 'contents',
    docs: `${DOCS}#create-or-update-file-contents`,
    handle: ctx => fileCommit(ctx, 'put')
  },
  {
    method: 'DELETE',
    path: '/repos/:owner/:repo/contents/*path',
    scope: 'contents',
    docs: `${DOCS}#delete-a-file`,
    handle: ctx => fileCommit(ctx, 'delete')
  }
]
