// Milestones, and the one milestone an issue may be in. Counts are computed from
// the issues each time, as GitHub reports them, so they can never drift.
import type { components } from '@octokit/openapi-types'
import { asObject, notFound, ok, paged, validationFailed } from './http.ts'
import type { Ctx, Json, Route } from './http.ts'
import { nextId } from './state.ts'
import type { IssueRecord, RepoState } from './state.ts'
import { SERVER_URL, simpleUser } from './users.ts'

type Milestone = components['schemas']['milestone']

export interface MilestoneRecord {
  number: number
  id: number
  title: string
  description: string | null
  state: 'open' | 'closed'
  dueOn: string | null
  creator: string
  createdAt: string
  updatedAt: string
  closedAt: string | null
}

const DOCS = 'https://docs.github.com/rest/issues/milestones'

/** The repository's milestones; numbers are never reused, as on GitHub. */
export function milestoneBook(state: RepoState): { list: MilestoneRecord[]; next: number } {
  state.milestones ??= { list: [], next: 1 }
  return state.milestones
}

function find(state: RepoState, number: number): MilestoneRecord | undefined {
  return milestoneBook(state).list.find(m => m.number === number)
}

export function milestoneJson(state: RepoState, api: string, m: MilestoneRecord): Milestone {
  const url = `${api}/repos/${state.owner}/${state.name}/milestones/${m.number}`
  const inside = [...state.issues.values()].filter(i => i.milestone === m.number)
  return {
    url,
    html_url: `${SERVER_URL}/${state.owner}/${state.name}/milestone/${m.number}`,
    labels_url: `${url}/labels`,
    id: m.id,
    node_id: Buffer.from(`09:Milestone${m.id}`).toString('base64'),
    number: m.number,
    state: m.state,
    title: m.title,
    description: m.description,
    creator: simpleUser(m.creator, api),
    open_issues: inside.filter(i => i.state === 'open').length,
    closed_issues: inside.filter(i => i.state === 'closed').length,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    closed_at: m.closedAt,
    due_on: m.dueOn
  }
}

/** An issue's `milestone` field, as issues are returned. */
export function issueMilestone(state: RepoState, api: string, i: IssueRecord): Milestone | null {
  const m = i.milestone == null ? undefined : find(state, i.milestone)
  return m ? milestoneJson(state, api, m) : null
}

/** The `milestone` of an issue create or update body: a number that exists, or null to clear. */
export function milestoneField(state: RepoState, value: unknown): number | null {
  if (value === null) return null
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  if (typeof number !== 'number' || !find(state, number)) {
    validationFailed({ resource: 'Issue', code: 'invalid', field: 'milestone', value })
  }
  return number
}

/** The issue list's `milestone` filter: a number, `*` (any) or `none`. */
export function inMilestone(i: IssueRecord, filter: string | undefined): boolean {
  if (filter === undefined) return true
  if (filter === '*') return i.milestone != null
  if (filter === 'none') return i.milestone == null
  return i.milestone === Number(filter)
}

function titleOf(body: Json, required: boolean): string | undefined {
  const title = body.title
  if (title === undefined && !required) return undefined
  if (typeof title !== 'string' || title.trim() === '') {
    validationFailed({ resource: 'Milestone', code: 'missing_field', field: 'title' })
  }
  return title
}

function stateOf(body: Json): 'open' | 'closed' | undefined {
  const s = body.state
  if (s === undefined) return undefined
  if (s !== 'open' && s !== 'closed') {
    validationFailed({ resource: 'Milestone', code: 'invalid', field: 'state', value: s })
  }
  return s
}

function checkUnique(state: RepoState, title: string, except?: number) {
  const taken = milestoneBook(state).list.some(
    m => m.number !== except && m.title.toLowerCase() === title.toLowerCase()
  )
  if (taken) validationFailed({ resource: 'Milestone', code: 'already_exists', field: 'title' })
}

function setState(m: MilestoneRecord, wanted: 'open' | 'closed' | undefined, now: string) {
  if (wanted === 'closed' && m.state === 'open') m.closedAt = now
  if (wanted === 'open') m.closedAt = null
  if (wanted) m.state = wanted
}

export function createMilestone(state: RepoState, login: string, input: unknown): MilestoneRecord {
  const body = asObject(input)
  const title = titleOf(body, true) as string
  const wanted = stateOf(body)
  checkUnique(state, title)
  const book = milestoneBook(state)
  const now = state.clock.next()
  const m: MilestoneRecord = {
    number: book.next++,
    id: nextId(state),
    title,
    description: typeof body.description === 'string' ? body.description : null,
    state: 'open',
    dueOn: typeof body.due_on === 'string' ? body.due_on : null,
    creator: login,
    createdAt: now,
    updatedAt: now,
    closedAt: null
  }
  setState(m, wanted, now)
  book.list.push(m)
  return m
}

function listMilestones(ctx: Ctx) {
  const wanted = ctx.query.state ?? 'open'
  const found = milestoneBook(ctx.state).list.filter(m => wanted === 'all' || m.state === wanted)
  const json = found.map(m => milestoneJson(ctx.state, ctx.api, m))
  const completeness = (m: Milestone) =>
    m.open_issues + m.closed_issues === 0 ? 0 : m.closed_issues / (m.open_issues + m.closed_issues)
  // Due dates first (milestones without one last), then by number, like GitHub's default.
  const key =
    ctx.query.sort === 'completeness'
      ? (m: Milestone) => completeness(m)
      : (m: Milestone) => (m.due_on ? Date.parse(m.due_on) : Number.MAX_SAFE_INTEGER)
  const sign = ctx.query.direction === 'desc' ? -1 : 1
  json.sort((a, b) => sign * (key(a) - key(b)) || a.number - b.number)
  return paged(ctx, json)
}

export const milestoneRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/:owner/:repo/milestones',
    scope: 'issues',
    docs: `${DOCS}#list-milestones`,
    handle: listMilestones
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/milestones',
    scope: 'issues',
    docs: `${DOCS}#create-a-milestone`,
    handle: ctx => {
      const m = createMilestone(ctx.state, ctx.actor.login, ctx.body)
      const json = milestoneJson(ctx.state, ctx.api, m)
      return ok(json, 201, { location: json.url })
    }
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/milestones/:number',
    scope: 'issues',
    docs: `${DOCS}#get-a-milestone`,
    handle: ctx => {
      const m = find(ctx.state, Number(ctx.params.number)) ?? notFound()
      return ok(milestoneJson(ctx.state, ctx.api, m))
    }
  },
  {
    method: 'PATCH',
    path: '/repos/:owner/:repo/milestones/:number',
    scope: 'issues',
    docs: `${DOCS}#update-a-milestone`,
    handle: ctx => {
      const m = find(ctx.state, Number(ctx.params.number)) ?? notFound()
      const body = asObject(ctx.body)
      const title = titleOf(body, false)
      const wanted = stateOf(body)
      if (title !== undefined) checkUnique(ctx.state, title, m.number)
      const now = ctx.state.clock.next()
      if (title !== undefined) m.title = title
      if (body.description !== undefined) {
        m.description = typeof body.description === 'string' ? body.description : null
      }
      if (body.due_on !== undefined) m.dueOn = typeof body.due_on === 'string' ? body.due_on : null
      setState(m, wanted, now)
      m.updatedAt = now
      return ok(milestoneJson(ctx.state, ctx.api, m))
    }
  },
  {
    method: 'DELETE',
    path: '/repos/:owner/:repo/milestones/:number',
    scope: 'issues',
    docs: `${DOCS}#delete-a-milestone`,
    handle: ctx => {
      const number = Number(ctx.params.number)
      const book = milestoneBook(ctx.state)
      if (!find(ctx.state, number)) notFound()
      book.list = book.list.filter(m => m.number !== number)
      for (const i of ctx.state.issues.values()) if (i.milestone === number) i.milestone = null
      return { status: 204 }
    }
  }
]
