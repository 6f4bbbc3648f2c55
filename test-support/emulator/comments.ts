// Comments on issues and pull requests (the issue-comment kind, not review comments).
import type { components } from '@octokit/openapi-types'
import { ApiError, asObject, notFound, ok, paged, validationFailed } from './http.ts'
import type { Route } from './http.ts'
import { nextId } from './state.ts'
import type { CommentRecord, RepoState } from './state.ts'
import { association, SERVER_URL, simpleUser } from './users.ts'

type IssueComment = components['schemas']['issue-comment']

const DOCS = 'https://docs.github.com/rest/issues/comments'

export function commentJson(state: RepoState, api: string, c: CommentRecord): IssueComment {
  const repo = `${api}/repos/${state.owner}/${state.name}`
  const kind = state.issues.get(c.issue)?.pull ? 'pull' : 'issues'
  return {
    id: c.id,
    node_id: Buffer.from(`012:IssueComment${c.id}`).toString('base64'),
    url: `${repo}/issues/comments/${c.id}`,
    html_url: `${SERVER_URL}/${state.owner}/${state.name}/${kind}/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${repo}/issues/${c.issue}`,
    body: c.body,
    user: simpleUser(c.user, api),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: association(state, c.user),
    performed_via_github_app: null
  }
}

export function addComment(
  state: RepoState,
  issue: number,
  login: string,
  body: unknown
): CommentRecord {
  const target = state.issues.get(issue) ?? notFound()
  if (typeof body !== 'string' || body === '') {
    validationFailed({ resource: 'IssueComment', code: 'missing_field', field: 'body' })
  }
  if (body.length > 65536) {
    // GitHub's wording differs from the one for issue bodies: capital B, field 'data'.
    validationFailed({
      resource: 'IssueComment',
      code: 'unprocessable',
      field: 'data',
      message: 'Body is too long (maximum is 65536 characters)'
    })
  }
  if (target.locked) throw new ApiError(403, 'Unable to create comment because issue is locked.')
  const now = state.clock.next()
  const comment: CommentRecord = {
    id: nextId(state),
    issue,
    body,
    user: login,
    createdAt: now,
    updatedAt: now
  }
  state.comments.push(comment)
  target.updatedAt = now
  return comment
}

export const commentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/:owner/:repo/issues/:number/comments',
    scope: 'issues',
    docs: `${DOCS}#list-issue-comments`,
    handle: ctx => {
      const n = Number(ctx.params.number)
      if (!ctx.state.issues.has(n)) return notFound()
      const since = ctx.query.since ? Date.parse(ctx.query.since) : -Infinity
      const found = ctx.state.comments.filter(
        c => c.issue === n && Date.parse(c.updatedAt) >= since
      )
      return paged(
        ctx,
        found.map(c => commentJson(ctx.state, ctx.api, c))
      )
    }
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/issues/:number/comments',
    scope: 'issues',
    readersMayWrite: true,
    createsContent: true,
    docs: `${DOCS}#create-an-issue-comment`,
    handle: ctx => {
      const comment = addComment(
        ctx.state,
        Number(ctx.params.number),
        ctx.actor.login,
        asObject(ctx.body).body
      )
      const json = commentJson(ctx.state, ctx.api, comment)
      return ok(json, 201, { location: json.url })
    }
  }
]
