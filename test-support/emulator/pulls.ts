// Pull requests: enough to open one from a branch, find it again by head, and edit or
// close it. Merging is out of scope.
import type { components } from '@octokit/openapi-types'
import { asObject, notFound, ok, paged, validationFailed } from './http.ts'
import type { Ctx, Route } from './http.ts'
import { history } from './git.ts'
import { editIssue, newIssue } from './issues.ts'
import { issueLabels, labelJson } from './labels.ts'
import { branchHead } from './refs.ts'
import { repoJson } from './repos.ts'
import type { IssueRecord, RepoState } from './state.ts'
import { association, SERVER_URL, simpleUser } from './users.ts'

type PullRequest = components['schemas']['pull-request']

const DOCS = 'https://docs.github.com/rest/pulls/pulls'

/** 'owner:branch' or 'branch' to a branch of this repository (forks are not modelled). */
function branchOf(state: RepoState, head: string): string | undefined {
  const [owner, branch] = head.includes(':') ? head.split(':', 2) : [state.owner, head]
  return owner?.toLowerCase() === state.owner.toLowerCase() ? branch : undefined
}

export function pullJson(state: RepoState, api: string, i: IssueRecord): PullRequest {
  const pull = i.pull ?? notFound()
  const repo = `${api}/repos/${state.owner}/${state.name}`
  const url = `${repo}/pulls/${i.number}`
  const html = `${SERVER_URL}/${state.owner}/${state.name}/pull/${i.number}`
  const headSha = branchHead(state, pull.head) ?? ''
  const owner = simpleUser(state.owner, api)
  const repository = repoJson(state, api)
  const side = (ref: string, sha: string) => ({
    label: `${state.owner}:${ref}`,
    ref,
    sha,
    user: owner,
    repo: repository
  })
  const link = (href: string) => ({ href })
  const assignees = i.assignees.map(a => simpleUser(a, api))
  return {
    url,
    id: i.id,
    node_id: Buffer.from(`011:PullRequest${i.id}`).toString('base64'),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${repo}/issues/${i.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repo}/pulls/comments{/number}`,
    comments_url: `${repo}/issues/${i.number}/comments`,
    statuses_url: `${repo}/statuses/${headSha}`,
    number: i.number,
    state: i.state,
    locked: i.locked,
    title: i.title,
    user: simpleUser(i.user, api),
    body: i.body,
    labels: issueLabels(state, i).map(l => labelJson(state, api, l)),
    milestone: null,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_at: i.closedAt,
    merged_at: null,
    merge_commit_sha: null,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head, headSha),
    base: side(pull.base, branchHead(state, pull.base) ?? ''),
    _links: {
      self: link(url),
      html: link(html),
      issue: link(`${repo}/issues/${i.number}`),
      comments: link(`${repo}/issues/${i.number}/comments`),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${repo}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${repo}/statuses/${headSha}`)
    },
    author_association: association(state, i.user),
    auto_merge: null,
    draft: pull.draft,
    merged: pull.merged,
    mergeable: null,
    mergeable_state: 'unknown',
    merged_by: null,
    comments: state.comments.filter(c => c.issue === i.number).length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: 0,
    additions: 0,
    deletions: 0,
    changed_files: 0
  }
}

function pulls(state: RepoState): IssueRecord[] {
  return [...state.issues.values()].filter(i => i.pull)
}

function createPull(ctx: Ctx) {
  const { state } = ctx
  const body = asObject(ctx.body)
  const head = typeof body.head === 'string' ? branchOf(state, body.head) : undefined
  const base = typeof body.base === 'string' ? body.base : undefined
  const headSha = head ? branchHead(state, head) : undefined
  const baseSha = base ? branchHead(state, base) : undefined
  if (!head || !headSha)
    return validationFailed({ resource: 'PullRequest', code: 'invalid', field: 'head' })
  if (!base || !baseSha)
    return validationFailed({ resource: 'PullRequest', code: 'invalid', field: 'base' })
  if (
    pulls(state).some(p => p.state === 'open' && p.pull?.head === head && p.pull?.base === base)
  ) {
    validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: `A pull request already exists for ${state.owner}:${head}.`
    })
  }
  if (history(state.objects, baseSha).includes(headSha)) {
    validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: `No commits between ${base} and ${head}`
    })
  }
  const issue = newIssue(state, ctx.actor.login, body, {
    head,
    base,
    draft: body.draft === true,
    merged: false,
    maintainerCanModify: body.maintainer_can_modify !== false
  })
  const json = pullJson(state, ctx.api, issue)
  return ok(json, 201, { location: json.url })
}

export const pullRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/:owner/:repo/pulls',
    scope: 'pull_requests',
    docs: `${DOCS}#list-pull-requests`,
    handle: ctx => {
      const { state, query } = ctx
      const wanted = query.state ?? 'open'
      const head = query.head ? branchOf(state, query.head) : undefined
      const found = pulls(state).filter(
        p =>
          (wanted === 'all' || p.state === wanted) &&
          (!query.head || p.pull?.head === head) &&
          (!query.base || p.pull?.base === query.base)
      )
      const sign = query.direction === 'asc' ? 1 : -1
      const key = (p: IssueRecord) =>
        Date.parse(query.sort === 'updated' ? p.updatedAt : p.createdAt)
      found.sort((a, b) => sign * (key(a) - key(b) || a.number - b.number))
      return paged(
        ctx,
        found.map(p => pullJson(state, ctx.api, p))
      )
    }
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/pulls/:number',
    scope: 'pull_requests',
    docs: `${DOCS}#get-a-pull-request`,
    handle: ctx => {
      const pull = ctx.state.issues.get(Number(ctx.params.number))
      return pull?.pull ? ok(pullJson(ctx.state, ctx.api, pull)) : notFound()
    }
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/pulls',
    scope: 'pull_requests',
    createsContent: true,
    docs: `${DOCS}#create-a-pull-request`,
    handle: createPull
  },
  {
    method: 'PATCH',
    path: '/repos/:owner/:repo/pulls/:number',
    scope: 'pull_requests',
    docs: `${DOCS}#update-a-pull-request`,
    handle: ctx => {
      const { state } = ctx
      const pull = state.issues.get(Number(ctx.params.number))
      if (!pull?.pull) return notFound()
      const body = asObject(ctx.body)
      if (body.base !== undefined) {
        if (typeof body.base !== 'string' || !branchHead(state, body.base)) {
          validationFailed({ resource: 'PullRequest', code: 'invalid', field: 'base' })
        }
        pull.pull.base = body.base
      }
      const { title, body: text, state: wanted } = body
      editIssue(state, pull, { title, body: text, state: wanted }, ctx.actor.login)
      if (pull.state === 'open') pull.stateReason = null
      return ok(pullJson(state, ctx.api, pull))
    }
  }
]
