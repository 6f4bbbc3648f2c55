// Branches and tags, including the two ways GitHub refuses direct updates to a
// protected branch: classic branch protection and repository rulesets.
import type { components } from '@octokit/openapi-types'
import { ApiError, asObject, notFound, ok } from './http.ts'
import type { Route } from './http.ts'
import { getCommit, isAncestor } from './git.ts'
import type { RepoState } from './state.ts'

type GitRef = components['schemas']['git-ref']

export function branchHead(state: RepoState, branch: string): string | undefined {
  return state.refs.get(`refs/heads/${branch}`)
}

/** A branch or tag name, 'heads/x', 'refs/heads/x', or a full or abbreviated commit sha. */
export function resolveCommitish(state: RepoState, ref: string): string | undefined {
  const named =
    state.refs.get(`refs/heads/${ref}`) ??
    state.refs.get(`refs/tags/${ref}`) ??
    state.refs.get(ref.startsWith('refs/') ? ref : `refs/${ref}`)
  if (named) return named
  if (!/^[0-9a-f]{4,40}$/i.test(ref)) return undefined
  const matches = [...state.objects.keys()].filter(
    sha => sha.startsWith(ref.toLowerCase()) && getCommit(state.objects, sha)
  )
  return matches.length === 1 ? matches[0] : undefined
}

export function refJson(state: RepoState, api: string, name: string, sha: string): GitRef {
  const repo = `${api}/repos/${state.owner}/${state.name}`
  return {
    ref: name,
    node_id: Buffer.from(`03:Ref${state.id}:${name}`).toString('base64'),
    url: `${repo}/git/${name}`,
    object: { type: 'commit', sha, url: `${repo}/git/commits/${sha}` }
  }
}

const RULE_DETAIL = 'Changes must be made through a pull request.'

/**
 * Refuses a direct change to a protected branch the way GitHub words it. The contents
 * API reports the same refusal as a 409 where the git refs API uses 422.
 */
export function guardBranch(
  state: RepoState,
  ref: string,
  change: 'update' | 'delete',
  status = 422
) {
  const branch = ref.replace(/^refs\/heads\//, '')
  const mode = ref.startsWith('refs/heads/') ? state.protection.get(branch) : undefined
  if (mode === 'protection') {
    const message =
      change === 'delete'
        ? 'Cannot delete a protected branch'
        : `Protected branch update failed for ${ref}.`
    throw new ApiError(status, message)
  }
  if (mode === 'ruleset') {
    const detail = change === 'delete' ? 'Cannot delete this branch' : RULE_DETAIL
    throw new ApiError(status, `Repository rule violations found\n\n${detail}\n\n`)
  }
}

function fullRef(param: string | undefined): string {
  const ref = param ?? ''
  return ref.startsWith('refs/') ? ref : `refs/${ref}`
}

function matching(state: RepoState, api: string, prefix: string) {
  return [...state.refs]
    .filter(([name]) => name.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, sha]) => refJson(state, api, name, sha))
}

const DOCS = 'https://docs.github.com/rest/git/refs'

export const refRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/:owner/:repo/git/ref/*ref',
    scope: 'contents',
    docs: `${DOCS}#get-a-reference`,
    handle: ctx => {
      const name = fullRef(ctx.params.ref)
      const sha = ctx.state.refs.get(name)
      return sha ? ok(refJson(ctx.state, ctx.api, name, sha)) : notFound()
    }
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/git/matching-refs/*ref',
    scope: 'contents',
    docs: `${DOCS}#list-matching-references`,
    handle: ctx => ok(matching(ctx.state, ctx.api, fullRef(ctx.params.ref)))
  },
  {
    // The older form: one object for an exact name, an array for a prefix.
    method: 'GET',
    path: '/repos/:owner/:repo/git/refs/*ref',
    scope: 'contents',
    docs: `${DOCS}#get-a-reference`,
    handle: ctx => {
      const name = fullRef(ctx.params.ref)
      const sha = ctx.state.refs.get(name)
      if (sha) return ok(refJson(ctx.state, ctx.api, name, sha))
      const found = matching(ctx.state, ctx.api, name.endsWith('/') ? name : `${name}/`)
      return found.length > 0 ? ok(found) : notFound()
    }
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/git/refs',
    scope: 'contents',
    docs: `${DOCS}#create-a-reference`,
    handle: ctx => {
      const body = asObject(ctx.body)
      const { ref, sha } = body
      if (typeof ref !== 'string' || !/^refs\/[^/]+\/.+/.test(ref) || typeof sha !== 'string') {
        throw new ApiError(422, 'Reference update failed')
      }
      if (ctx.state.refs.has(ref)) throw new ApiError(422, 'Reference already exists')
      if (!getCommit(ctx.state.objects, sha)) throw new ApiError(422, 'Object does not exist')
      ctx.state.refs.set(ref, sha)
      const json = refJson(ctx.state, ctx.api, ref, sha)
      return ok(json, 201, { location: json.url })
    }
  },
  {
    method: 'PATCH',
    path: '/repos/:owner/:repo/git/refs/*ref',
    scope: 'contents',
    docs: `${DOCS}#update-a-reference`,
    handle: ctx => {
      const { state } = ctx
      const name = fullRef(ctx.params.ref)
      const body = asObject(ctx.body)
      const current = state.refs.get(name)
      if (!current) throw new ApiError(422, 'Reference does not exist')
      if (typeof body.sha !== 'string' || !getCommit(state.objects, body.sha)) {
        throw new ApiError(422, 'Object does not exist')
      }
      guardBranch(state, name, 'update')
      if (body.force !== true && !isAncestor(state.objects, current, body.sha)) {
        throw new ApiError(422, 'Update is not a fast forward')
      }
      state.refs.set(name, body.sha)
      return ok(refJson(state, ctx.api, name, body.sha))
    }
  },
  {
    method: 'DELETE',
    path: '/repos/:owner/:repo/git/refs/*ref',
    scope: 'contents',
    docs: `${DOCS}#delete-a-reference`,
    handle: ctx => {
      const name = fullRef(ctx.params.ref)
      if (!ctx.state.refs.has(name)) throw new ApiError(422, 'Reference does not exist')
      guardBranch(ctx.state, name, 'delete')
      ctx.state.refs.delete(name)
      return { status: 204 }
    }
  }
]
