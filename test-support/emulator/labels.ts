// Repository labels and the labels on an issue. Issues keep label ids, not names, so a
// rename shows up on every issue carrying the label, as on GitHub.
import type { components } from '@octokit/openapi-types'
import { ApiError, asObject, notFound, ok, paged, validationFailed } from './http.ts'
import type { Ctx, Route } from './http.ts'
import { nextId } from './state.ts'
import type { IssueRecord, LabelRecord, RepoState } from './state.ts'

type Label = components['schemas']['label']

// GitHub gives labels that appear implicitly (named on an issue) this grey.
export const DEFAULT_COLOR = 'ededed'
const DOCS = 'https://docs.github.com/rest/issues/labels'

export function findLabel(state: RepoState, name: string): LabelRecord | undefined {
  const wanted = name.toLowerCase()
  return state.labels.find(l => l.name.toLowerCase() === wanted)
}

export function labelJson(state: RepoState, api: string, l: LabelRecord): Label {
  return {
    id: l.id,
    node_id: Buffer.from(`08:Label${l.id}`).toString('base64'),
    url: `${api}/repos/${state.owner}/${state.name}/labels/${encodeURIComponent(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: l.isDefault
  }
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') {
    validationFailed({ resource: 'Label', code: 'missing_field', field: 'name' })
  }
  if (name.length > 50) {
    validationFailed({
      resource: 'Label',
      code: 'custom',
      field: 'name',
      message: 'name is too long (maximum is 50 characters)'
    })
  }
  return name
}

function checkColor(color: unknown): string {
  const c = typeof color === 'string' ? color.replace(/^#/, '') : color
  if (typeof c !== 'string' || !/^[0-9a-f]{6}$/i.test(c)) {
    validationFailed({ resource: 'Label', code: 'invalid', field: 'color' })
  }
  return c.toLowerCase()
}

function checkDescription(description: unknown): string | null {
  if (description === undefined || description === null) return null
  if (typeof description !== 'string')
    validationFailed({ resource: 'Label', code: 'invalid', field: 'description' })
  if (description.length > 100) {
    validationFailed({
      resource: 'Label',
      code: 'custom',
      field: 'description',
      message: 'description is too long (maximum is 100 characters)'
    })
  }
  return description
}

export function createLabel(
  state: RepoState,
  input: { name?: unknown; color?: unknown; description?: unknown }
) {
  const name = checkName(input.name)
  if (findLabel(state, name))
    validationFailed({ resource: 'Label', code: 'already_exists', field: 'name' })
  const label: LabelRecord = {
    id: nextId(state),
    name,
    color: input.color === undefined ? DEFAULT_COLOR : checkColor(input.color),
    description: checkDescription(input.description),
    isDefault: false
  }
  state.labels.push(label)
  return label
}

/** Label ids for names, creating labels that do not exist yet as GitHub does. */
export function labelIds(state: RepoState, names: unknown): number[] {
  if (!Array.isArray(names))
    validationFailed({ resource: 'Issue', code: 'invalid', field: 'labels' })
  const ids: number[] = []
  for (const entry of names) {
    const name = typeof entry === 'string' ? entry : asObject(entry).name
    const label = findLabel(state, String(name)) ?? createLabel(state, { name })
    if (!ids.includes(label.id)) ids.push(label.id)
  }
  return ids
}

export function issueLabels(state: RepoState, issue: IssueRecord): LabelRecord[] {
  return issue.labels.flatMap(id => state.labels.filter(l => l.id === id))
}

function issueFor(ctx: Ctx): IssueRecord {
  return ctx.state.issues.get(Number(ctx.params.number)) ?? notFound()
}

function touched(ctx: Ctx, issue: IssueRecord) {
  issue.updatedAt = ctx.state.clock.next()
  return ok(issueLabels(ctx.state, issue).map(l => labelJson(ctx.state, ctx.api, l)))
}

// POST and PUT on an issue's labels accept either {labels: [...]} or a bare array.
function namesIn(body: unknown): unknown {
  return Array.isArray(body) ? body : asObject(body).labels
}

export const labelRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/:owner/:repo/labels',
    scope: 'issues',
    docs: `${DOCS}#list-labels-for-a-repository`,
    handle: ctx =>
      paged(
        ctx,
        ctx.state.labels.map(l => labelJson(ctx.state, ctx.api, l))
      )
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/labels/:name',
    scope: 'issues',
    docs: `${DOCS}#get-a-label`,
    handle: ctx =>
      ok(labelJson(ctx.state, ctx.api, findLabel(ctx.state, ctx.params.name ?? '') ?? notFound()))
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/labels',
    scope: 'issues',
    docs: `${DOCS}#create-a-label`,
    handle: ctx => {
      const body = asObject(ctx.body)
      const json = labelJson(ctx.state, ctx.api, createLabel(ctx.state, body))
      return ok(json, 201, { location: json.url })
    }
  },
  {
    method: 'PATCH',
    path: '/repos/:owner/:repo/labels/:name',
    scope: 'issues',
    docs: `${DOCS}#update-a-label`,
    handle: ctx => {
      const { state } = ctx
      const label = findLabel(state, ctx.params.name ?? '') ?? notFound()
      const body = asObject(ctx.body)
      if (body.new_name !== undefined) {
        const name = checkName(body.new_name)
        const clash = findLabel(state, name)
        if (clash && clash !== label)
          validationFailed({ resource: 'Label', code: 'already_exists', field: 'name' })
        label.name = name
      }
      if (body.color !== undefined) label.color = checkColor(body.color)
      if (body.description !== undefined) label.description = checkDescription(body.description)
      return ok(labelJson(state, ctx.api, label))
    }
  },
  {
    method: 'DELETE',
    path: '/repos/:owner/:repo/labels/:name',
    scope: 'issues',
    docs: `${DOCS}#delete-a-label`,
    handle: ctx => {
      const { state } = ctx
      const label = findLabel(state, ctx.params.name ?? '') ?? notFound()
      state.labels = state.labels.filter(l => l !== label)
      for (const issue of state.issues.values())
        issue.labels = issue.labels.filter(id => id !== label.id)
      return { status: 204 }
    }
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/issues/:number/labels',
    scope: 'issues',
    docs: `${DOCS}#list-labels-for-an-issue`,
    handle: ctx =>
      paged(
        ctx,
        issueLabels(ctx.state, issueFor(ctx)).map(l => labelJson(ctx.state, ctx.api, l))
      )
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/issues/:number/labels',
    scope: 'issues',
    docs: `${DOCS}#add-labels-to-an-issue`,
    handle: ctx => {
      const issue = issueFor(ctx)
      for (const id of labelIds(ctx.state, namesIn(ctx.body))) {
        if (!issue.labels.includes(id)) issue.labels.push(id)
      }
      return touched(ctx, issue)
    }
  },
  {
    method: 'PUT',
    path: '/repos/:owner/:repo/issues/:number/labels',
    scope: 'issues',
    docs: `${DOCS}#set-labels-for-an-issue`,
    handle: ctx => {
      const issue = issueFor(ctx)
      issue.labels = labelIds(ctx.state, namesIn(ctx.body))
      return touched(ctx, issue)
    }
  },
  {
    method: 'DELETE',
    path: '/repos/:owner/:repo/issues/:number/labels/:name',
    scope: 'issues',
    docs: `${DOCS}#remove-a-label-from-an-issue`,
    handle: ctx => {
      const issue = issueFor(ctx)
      const label = findLabel(ctx.state, ctx.params.name ?? '')
      if (!label || !issue.labels.includes(label.id))
        throw new ApiError(404, 'Label does not exist')
      issue.labels = issue.labels.filter(id => id !== label.id)
      return touched(ctx, issue)
    }
  }
]
