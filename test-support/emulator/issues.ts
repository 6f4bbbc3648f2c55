// Issues, including pull requests seen through the issues API (same number sequence,
// plus a `pull_request` key), and the state changes people make on the web.
import type { components } from '@octokit/openapi-types'
import { asObject, notFound, ok, paged, validationFailed } from './http.ts'
import type { Ctx, Json, Route } from './http.ts'
import { issueLabels, labelIds, labelJson } from './labels.ts'
import { inMilestone, issueMilestone, milestoneField } from './milestones.ts'
import { nextId } from './state.ts'
import type { IssueRecord, RepoState } from './state.ts'
import { association, atLeast, roleOf, SERVER_URL, simpleUser } from './users.ts'

type Issue = components['schemas']['issue']
type StateReason = IssueRecord['stateReason']

const DOCS = 'https://docs.github.com/rest/issues/issues'
const REASONS = ['completed', 'not_planned', 'reopened', 'duplicate']

export function issueJson(state: RepoState, api: string, i: IssueRecord): Issue {
  const repo = `${api}/repos/${state.owner}/${state.name}`
  const url = `${repo}/issues/${i.number}`
  const html = `${SERVER_URL}/${state.owner}/${state.name}/${i.pull ? 'pull' : 'issues'}/${i.number}`
  const assignees = i.assignees.map(a => simpleUser(a, api))
  const json: Issue = {
    id: i.id,
    node_id: Buffer.from(`05:Issue${i.id}`).toString('base64'),
    url,
    repository_url: repo,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: html,
    number: i.number,
    state: i.state,
    state_reason: i.stateReason,
    title: i.title,
    body: i.body,
    user: simpleUser(i.user, api),
    labels: issueLabels(state, i).map(l => labelJson(state, api, l)),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: issueMilestone(state, api, i),
    locked: i.locked,
    active_lock_reason: null,
    comments: state.comments.filter(c => c.issue === i.number).length,
    closed_at: i.closedAt,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    closed_by: i.closedBy ? simpleUser(i.closedBy, api) : null,
    author_association: association(state, i.user),
    performed_via_github_app: null,
    timeline_url: `${url}/timeline`
  }
  if (!i.pull) return json
  const pulls = `${repo}/pulls/${i.number}`
  return {
    ...json,
    draft: i.pull.draft,
    pull_request: {
      url: pulls,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: null
    }
  }
}

function checkText(resource: string, field: 'title' | 'body', value: unknown, max: number) {
  if (value === undefined || value === null) return
  if (typeof value !== 'string') validationFailed({ resource, code: 'invalid', field })
  if (value.length > max) {
    validationFailed({
      resource,
      code: 'custom',
      field,
      message: `${field} is too long (maximum is ${max} characters)`
    })
  }
}

/**
 * GitHub refuses the whole request (422) when one login cannot be assigned: people with
 * triage access or more (org members who can read, collaborators who can write).
 */
function assignees(state: RepoState, resource: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined
  const logins = Array.isArray(value) ? value.map(String) : []
  for (const login of logins) {
    if (!atLeast(roleOf(state, login), 'triage')) {
      validationFailed({ resource, code: 'invalid', field: 'assignees', value: login })
    }
  }
  return logins
}

export function newIssue(
  state: RepoState,
  login: string,
  body: Json,
  pull?: IssueRecord['pull']
): IssueRecord {
  const resource = pull ? 'PullRequest' : 'Issue'
  if (typeof body.title !== 'string' || body.title.trim() === '') {
    validationFailed({ resource, code: 'missing_field', field: 'title' })
  }
  checkText(resource, 'title', body.title, 256)
  checkText(resource, 'body', body.body, 65536)
  const assigned = assignees(state, resource, body.assignees) ?? []
  const now = state.clock.next()
  const issue: IssueRecord = {
    number: state.nextNumber++,
    id: nextId(state),
    title: body.title,
    body: typeof body.body === 'string' ? body.body : null,
    user: login,
    state: 'open',
    stateReason: null,
    labels: body.labels === undefined ? [] : labelIds(state, body.labels),
    milestone: body.milestone === undefined ? null : milestoneField(state, body.milestone),
    assignees: assigned,
    locked: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    ...(pull ? { pull } : {})
  }
  state.issues.set(issue.number, issue)
  return issue
}

/** Applies an edit as PATCH /issues/{n} does; `actor` is whoever closes or reopens. */
export function editIssue(
  state: RepoState,
  issue: IssueRecord,
  body: Json,
  actor: string
): IssueRecord {
  const resource = issue.pull ? 'PullRequest' : 'Issue'
  if (body.title !== undefined) {
    if (typeof body.title !== 'string' || body.title.trim() === '') {
      validationFailed({ resource, code: 'missing_field', field: 'title' })
    }
    checkText(resource, 'title', body.title, 256)
  }
  checkText(resource, 'body', body.body, 65536)
  if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
    validationFailed({ resource, code: 'invalid', field: 'state', value: body.state })
  }
  const reason = body.state_reason
  if (reason !== undefined && reason !== null && !REASONS.includes(String(reason))) {
    validationFailed({ resource, code: 'invalid', field: 'state_reason', value: reason })
  }
  const labels = body.labels === undefined ? undefined : labelIds(state, body.labels)
  const milestone = body.milestone === undefined ? undefined : milestoneField(state, body.milestone)
  const assigned = assignees(state, resource, body.assignees)
  const now = state.clock.next()
  if (typeof body.title === 'string') issue.title = body.title
  if (body.body !== undefined) issue.body = typeof body.body === 'string' ? body.body : null
  if (labels) issue.labels = labels
  if (milestone !== undefined) issue.milestone = milestone
  if (assigned) issue.assignees = assigned
  if (body.state === 'closed' && issue.state === 'open') {
    issue.state = 'closed'
    issue.closedAt = now
    issue.closedBy = actor
    issue.stateReason = (reason as StateReason) ?? 'completed'
  } else if (body.state === 'open' && issue.state === 'closed') {
    issue.state = 'open'
    issue.closedAt = null
    issue.stateReason = 'reopened'
  } else if (reason !== undefined && issue.state === 'closed') {
    issue.stateReason = reason as StateReason
  }
  issue.updatedAt = now
  return issue
}

function listIssues(ctx: Ctx) {
  const { state, query } = ctx
  const wantState = query.state ?? 'open'
  const wantLabels = (query.labels ?? '')
    .split(',')
    .map(s => s.trim().toLowerCase())
    .filter(Boolean)
  const since = query.since ? Date.parse(query.since) : -Infinity
  const sort = query.sort ?? 'created'
  const ascending = query.direction === 'asc'
  const key = (i: IssueRecord) =>
    sort === 'updated'
      ? Date.parse(i.updatedAt)
      : sort === 'comments'
        ? state.comments.filter(c => c.issue === i.number).length
        : Date.parse(i.createdAt)
  const found = [...state.issues.values()].filter(i => {
    if (wantState !== 'all' && i.state !== wantState) return false
    if (query.creator && i.user.toLowerCase() !== query.creator.toLowerCase()) return false
    if (query.assignee === 'none' && i.assignees.length > 0) return false
    if (query.assignee === '*' && i.assignees.length === 0) return false
    if (
      query.assignee &&
      !['none', '*'].includes(query.assignee) &&
      !i.assignees.includes(query.assignee)
    )
      return false
    if (Date.parse(i.updatedAt) < since) return false
    if (!inMilestone(i, query.milestone)) return false
    const names = issueLabels(state, i).map(l => l.name.toLowerCase())
    return wantLabels.every(l => names.includes(l))
  })
  // Ties (same second) fall back to the number so the order is stable like GitHub's.
  found.sort((a, b) => (ascending ? 1 : -1) * (key(a) - key(b) || a.number - b.number))
  return paged(
    ctx,
    found.map(i => issueJson(state, ctx.api, i))
  )
}

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/:owner/:repo/issues',
    scope: 'issues',
    docs: `${DOCS}#list-repository-issues`,
    handle: listIssues
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/issues/:number',
    scope: 'issues',
    docs: `${DOCS}#get-an-issue`,
    handle: ctx => {
      const issue = ctx.state.issues.get(Number(ctx.params.number)) ?? notFound()
      return ok(issueJson(ctx.state, ctx.api, issue))
    }
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/issues',
    scope: 'issues',
    readersMayWrite: true,
    createsContent: true,
    docs: `${DOCS}#create-an-issue`,
    handle: ctx => {
      const { state, actor } = ctx
      const body = asObject(ctx.body)
      // Assignees from someone without push access are dropped silently, as GitHub does.
      const pusher = actor.kind === 'installation' || atLeast(roleOf(state, actor.login), 'write')
      const issue = newIssue(state, actor.login, pusher ? body : { ...body, assignees: undefined })
      const json = issueJson(ctx.state, ctx.api, issue)
      return ok(json, 201, { location: json.url })
    }
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/assignees/:assignee',
    scope: 'issues',
    docs: 'https://docs.github.com/rest/issues/assignees#check-if-a-user-can-be-assigned',
    handle: ctx =>
      atLeast(roleOf(ctx.state, ctx.params.assignee ?? ''), 'triage') ? { status: 204 } : notFound()
  },
  {
    method: 'PATCH',
    path: '/repos/:owner/:repo/issues/:number',
    scope: 'issues',
    docs: `${DOCS}#update-an-issue`,
    handle: ctx => {
      const issue = ctx.state.issues.get(Number(ctx.params.number)) ?? notFound()
      editIssue(ctx.state, issue, asObject(ctx.body), ctx.actor.login)
      return ok(issueJson(ctx.state, ctx.api, issue))
    }
  }
]
