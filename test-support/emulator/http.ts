// The vocabulary shared by the resource files: what a route is, what a handler sees,
// and how GitHub shapes errors and pages.
import type { RepoState, Scope, TokenInfo } from './state.ts'

export const DOCS = 'https://docs.github.com/rest'

export type Json = Record<string, unknown>

export interface Actor {
  login: string
  kind: 'installation' | 'user' | 'anonymous'
  token: string | null
  info: TokenInfo | null
}

export interface Ctx {
  state: RepoState
  params: Record<string, string>
  query: Record<string, string>
  body: unknown
  actor: Actor
  /** The emulator's own origin, used for every API url it hands out. */
  api: string
  path: string
  accept: string
}

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Raw text instead of JSON (the contents API's raw media type). */
  text?: string
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** '/repos/:owner/:repo/issues/:number'; a trailing '*name' captures the rest of the path. */
  path: string
  /** The token permission the route needs: read for GET, write otherwise. Omitted: none. */
  scope?: Scope
  /** Creating issues and comments only needs read access for people (not for apps). */
  readersMayWrite?: boolean
  /** Counts towards GitHub's secondary limits on content creation. */
  createsContent?: boolean
  docs: string
  handle: (ctx: Ctx) => Reply
}

/** Thrown by handlers; the server turns it into GitHub's error body. */
export class ApiError extends Error {
  status: number
  extra: Json
  headers: Record<string, string>
  constructor(
    status: number,
    message: string,
    extra: Json = {},
    headers: Record<string, string> = {}
  ) {
    super(message)
    this.status = status
    this.extra = extra
    this.headers = headers
  }
}

export function notFound(message = 'Not Found'): never {
  throw new ApiError(404, message)
}

export interface FieldError {
  resource: string
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom'
  field?: string
  message?: string
  value?: unknown
}

export function validationFailed(...errors: FieldError[]): never {
  throw new ApiError(422, 'Validation Failed', { errors })
}

export function ok(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body }
}

export function asObject(body: unknown): Json {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Json) : {}
}

/** An optional string field; a present value of another type is a 422 like GitHub's schema check. */
export function optString(body: Json, field: string, resource: string): string | undefined {
  const v = body[field]
  if (v === undefined) return undefined
  if (typeof v !== 'string') validationFailed({ resource, code: 'invalid', field, value: v })
  return v
}

export function toInt(value: string | undefined, fallback: number): number {
  const n = Number.parseInt(value ?? '', 10)
  return Number.isFinite(n) && n > 0 ? n : fallback
}

/**
 * Slices one page out of `items` and builds the RFC 5988 link header GitHub sends:
 * first/prev only after page 1, next/last only before the final page.
 */
export function paginate<T>(ctx: Ctx, items: T[]): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(toInt(ctx.query.per_page, 30), 100)
  const page = toInt(ctx.query.page, 1)
  const last = Math.max(1, Math.ceil(items.length / perPage))
  // GitHub names the repository by id in these links: /repositories/{id}/issues?...&page=2.
  const path = ctx.path.replace(/^\/repos\/[^/]+\/[^/]+/, `/repositories/${ctx.state.id}`)
  const link = (n: number, rel: string) => {
    const q = new URLSearchParams({ ...ctx.query, page: String(n) })
    return `<${ctx.api}${path}?${q.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'))
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  const slice = items.slice((page - 1) * perPage, page * perPage)
  return { page: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} }
}

export function paged<T>(ctx: Ctx, items: T[]): Reply {
  const { page, headers } = paginate(ctx, items)
  return { status: 200, body: page, headers }
}
