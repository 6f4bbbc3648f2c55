// The HTTP side: routing, authentication and permissions, the headers GitHub puts on
// every response, rate-limit accounting, the request log, injected faults and hooks.
import { randomBytes } from 'node:crypto'
import { createServer, STATUS_CODES } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { components } from '@octokit/openapi-types'
import { ApiError, DOCS } from './http.ts'
import type { Actor, Ctx, Json, Reply, Route } from './http.ts'
import type { Access, RepoState, Role, Scope } from './state.ts'
import { bodyViolations } from './schema-check.ts'
import { SecondaryLimits } from './secondary-limits.ts'
import { roleOf, userId } from './users.ts'

export interface LoggedRequest {
  method: string
  /** Decoded path without the query string, e.g. '/repos/octo/goals/contents/docs/goals.md'. */
  path: string
  query: Record<string, string>
  status: number
  body?: unknown
  /** The path as sent, when it named the repository by id (/repositories/{id}/...). */
  via?: string
  /** When the request arrived (ms since the epoch, sub-millisecond precision). */
  at: number
  /** Where the body breaks GitHub's REST description (undeclared properties, wrong types). */
  violations?: string[]
}

export interface ServerOptions {
  /** Emulated time runs this many times slower than real time: 0.01 makes a minute 0.6 s. */
  timeScale?: number
  /** Enforce GitHub's secondary limits on content creation (80 a minute, 500 an hour). */
  secondaryLimits?: boolean
  /** Check request bodies against GitHub's REST description (default true). */
  validate?: boolean
}

export interface FaultRule {
  method?: string
  path?: string | RegExp
  /** 1-based position among the requests this rule matches, counted from when it was added. */
  nth?: number
  times?: number
  status: number
  headers?: Record<string, string>
  body?: unknown
}

export type RequestHook = (req: {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
}) => void | Promise<void>

interface Fault {
  rule: FaultRule
  writesOnly: boolean
  seen: number
  fired: number
}

type CompiledRoute = Route & { re: RegExp; names: string[] }

interface Bucket {
  limit: number
  used: number
  reset: number
}

// What GITHUB_TOKEN gets by default for the scopes this emulator knows.
const DEFAULT_GRANTS: Record<Scope, Access> = {
  contents: 'write',
  issues: 'write',
  pull_requests: 'write',
  metadata: 'read'
}
const LEVEL: Record<Access, number> = { none: 0, read: 1, write: 2 }

function userAccess(role: Role, scope: Scope): Access {
  if (role === 'admin' || role === 'maintain' || role === 'write') return 'write'
  if (role === 'triage') return scope === 'issues' || scope === 'pull_requests' ? 'write' : 'read'
  return role === 'read' ? 'read' : 'none'
}

function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD'
}

function compile(pattern: string): { re: RegExp; names: string[] } {
  const names: string[] = []
  const source = pattern
    .split('/')
    .map(seg => {
      if (seg.startsWith(':') || seg.startsWith('*')) names.push(seg.slice(1))
      if (seg.startsWith(':')) return '([^/]+)'
      if (seg.startsWith('*')) return '(.+)'
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('/')
  return { re: new RegExp(`^${source}/?$`), names }
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
const LONE_SURROGATE = /\p{Surrogate}/u

/** A strict server's parse: bytes must be UTF-8 and no string may hold a lone surrogate. */
function parseJson(raw: Buffer): unknown {
  const value = JSON.parse(strictUtf8.decode(raw)) as unknown
  const check = (v: unknown): void => {
    if (typeof v === 'string' && LONE_SURROGATE.test(v)) throw new Error('lone surrogate')
    if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        check(k)
        check(item)
      }
    }
  }
  check(value)
  return value
}

/** GitHub's pagination links name repositories by id; the emulator serves both forms. */
function byName(path: string, state: RepoState): string {
  const m = /^\/repositories\/(\d+)(\/.*)?$/.exec(path)
  if (!m) return path
  return Number(m[1]) === state.id ? `/repos/${state.owner}/${state.name}${m[2] ?? ''}` : path
}

export class EmulatorServer {
  readonly state: RepoState
  readonly requests: LoggedRequest[] = []
  readonly hooks = new Set<RequestHook>()
  url = ''
  private readonly routes: CompiledRoute[]
  private readonly faults: Fault[] = []
  private readonly buckets = new Map<string, Bucket>()
  private readonly http: Server
  private readonly limits: SecondaryLimits | null
  private readonly validate: boolean

  constructor(state: RepoState, routes: Route[], options: ServerOptions = {}) {
    this.state = state
    this.limits = options.secondaryLimits ? new SecondaryLimits(options.timeScale ?? 1) : null
    this.validate = options.validate ?? true
    this.routes = routes.map(r => ({ ...r, ...compile(r.path) }))
    this.http = createServer((req, res) => {
      this.serve(req, res).catch((err: unknown) => {
        res.statusCode = 500
        res.setHeader('content-type', 'application/json; charset=utf-8')
        res.end(JSON.stringify({ message: `emulator error: ${String(err)}` }))
      })
    })
  }

  listen(port = 0): Promise<string> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject)
      this.http.listen(port, '127.0.0.1', () => {
        this.url = `http://127.0.0.1:${(this.http.address() as AddressInfo).port}`
        resolve(this.url)
      })
    })
  }

  close(): Promise<void> {
    return new Promise(resolve => {
      this.http.close(() => resolve())
      // Octokit's fetch keeps connections alive; without this close() would wait for them.
      this.http.closeAllConnections()
    })
  }

  fail(rule: FaultRule, writesOnly = false): void {
    this.faults.push({ rule, writesOnly, seen: 0, fired: 0 })
  }

  private async serve(req: IncomingMessage, res: ServerResponse) {
    const at = performance.timeOrigin + performance.now()
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', this.url)
    const rawPath = byName(url.pathname, this.state)
    const path = decode(rawPath)
    const query = Object.fromEntries(url.searchParams)
    const raw = await readBody(req)
    let body: unknown
    let reply: Reply | undefined
    try {
      body = raw.length > 0 && !isRead(method) ? parseJson(raw) : undefined
    } catch {
      reply = { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } }
    }
    const violations = this.validate && !reply ? bodyViolations(method, rawPath, body) : []
    const entry: LoggedRequest = {
      method,
      path,
      query,
      status: 0,
      at,
      ...(rawPath === url.pathname ? {} : { via: decode(url.pathname) }),
      ...(body === undefined ? {} : { body }),
      ...(violations.length > 0 ? { violations } : {})
    }
    this.requests.push(entry)
    try {
      for (const hook of [...this.hooks]) await hook({ method, path, query, body })
    } catch (err) {
      // A broken hook is a test bug; answer loudly instead of leaving the client hanging.
      reply = { status: 500, body: { message: `onRequest hook failed: ${String(err)}` } }
    }

    const actor = this.authenticate(req.headers.authorization)
    const bucket = this.bucket(actor)
    reply ??= this.takeFault(method, path)
    if (!reply) {
      const ctx = {
        query,
        body,
        path: rawPath,
        api: this.url,
        accept: req.headers.accept ?? ''
      }
      reply = this.dispatch(method, rawPath, actor, bucket, ctx)
    }
    entry.status = reply.status
    this.send(res, method, reply, bucket)
  }

  private authenticate(header: string | undefined): Actor | null {
    if (!header) return { login: 'anonymous', kind: 'anonymous', token: null, info: null }
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(header)?.[1]
    const info = token ? this.state.tokens.get(token) : undefined
    if (!token || !info) return null
    const kind = info.kind ?? (info.login.endsWith('[bot]') ? 'installation' : 'user')
    return { login: info.login, kind, token, info }
  }

  private bucket(actor: Actor | null): Bucket {
    const key = actor?.token ?? 'anonymous'
    const now = Math.floor(Date.now() / 1000)
    let b = this.buckets.get(key)
    if (!b || b.reset <= now) {
      // GITHUB_TOKEN gets 1,000 requests an hour per repository; people 5,000; no token 60.
      const fallback = actor?.kind === 'installation' ? 1000 : actor?.kind === 'user' ? 5000 : 60
      b = { limit: actor?.info?.rateLimit ?? fallback, used: 0, reset: now + 3600 }
      this.buckets.set(key, b)
    }
    return b
  }

  private takeFault(method: string, path: string): Reply | undefined {
    let chosen: Fault | undefined
    for (const f of this.faults) {
      const { rule } = f
      if (f.writesOnly && isRead(method)) continue
      if (rule.method && rule.method.toUpperCase() !== method) continue
      if (typeof rule.path === 'string' && rule.path !== path) continue
      if (rule.path instanceof RegExp && !rule.path.test(path)) continue
      f.seen += 1
      if (!chosen && f.seen >= (rule.nth ?? 1) && f.fired < (rule.times ?? 1)) chosen = f
    }
    if (!chosen) return undefined
    chosen.fired += 1
    const { status, headers, body } = chosen.rule
    const fallback = { message: STATUS_CODES[status] ?? 'Error', documentation_url: DOCS }
    return { status, body: body === undefined ? fallback : body, ...(headers ? { headers } : {}) }
  }

  private access(actor: Actor, scope: Scope): Access {
    if (actor.kind === 'installation') {
      const grants = actor.info?.permissions ?? DEFAULT_GRANTS
      return grants[scope] ?? (scope === 'metadata' ? 'read' : 'none')
    }
    if (actor.kind === 'user') return userAccess(roleOf(this.state, actor.login), scope)
    return this.state.private ? 'none' : 'read'
  }

  private dispatch(
    method: string,
    rawPath: string,
    actor: Actor | null,
    bucket: Bucket,
    base: Pick<Ctx, 'query' | 'body' | 'path' | 'api' | 'accept'>
  ): Reply {
    if (!actor) return error(401, 'Bad credentials', DOCS)
    if (rawPath === '/rate_limit') return { status: 200, body: this.rateLimit(bucket) }
    if (bucket.used >= bucket.limit) {
      const who = actor.kind === 'installation' ? 'installation' : `user ID ${userId(actor.login)}`
      return error(
        403,
        `API rate limit exceeded for ${who}.`,
        `${DOCS}/overview/rate-limits-for-the-rest-api`
      )
    }
    bucket.used += 1

    const wanted = method === 'HEAD' ? 'GET' : method
    let route: CompiledRoute | undefined
    let match: RegExpExecArray | null = null
    for (const r of this.routes) {
      match = r.method === wanted ? r.re.exec(rawPath) : null
      if (match) {
        route = r
        break
      }
    }
    if (!route || !match) return error(404, 'Not Found', DOCS)
    const params: Record<string, string> = {}
    route.names.forEach((name, i) => (params[name] = decode(match[i + 1] ?? '')))
    const { state } = this
    const sameName = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase()
    if (
      'owner' in params &&
      !(sameName(params.owner, state.owner) && sameName(params.repo, state.name))
    ) {
      return error(404, 'Not Found', route.docs)
    }

    const denied =
      route.scope && this.deny(actor, route, route.scope, isRead(method) ? 'read' : 'write')
    if (denied) return denied
    const limits = route.createsContent ? this.limits : null
    const limited = limits?.refuse(actor.token ?? actor.login)
    if (limited) return limited
    try {
      const reply = route.handle({ ...base, state, params, actor })
      if (reply.status < 300) limits?.count(actor.token ?? actor.login)
      return reply
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
      const body: Json = {
        message: err.message,
        ...err.extra,
        documentation_url: route.docs,
        status: String(err.status)
      }
      return { status: err.status, body, headers: err.headers }
    }
  }

  private deny(actor: Actor, route: Route, scope: Scope, need: Access): Reply | undefined {
    const have = this.access(actor, scope)
    if (LEVEL[have] >= LEVEL[need]) return undefined
    if (actor.kind === 'anonymous') {
      return have === 'none'
        ? error(404, 'Not Found', route.docs)
        : error(401, 'Requires authentication', route.docs)
    }
    if (actor.kind === 'user') {
      // Private repositories are invisible to people without access, and anyone who can
      // read a repository may open issues and comment.
      if (have === 'none') return error(404, 'Not Found', route.docs)
      if (route.readersMayWrite) return undefined
      return error(403, 'Resource not accessible by personal access token', route.docs)
    }
    const reply = error(403, 'Resource not accessible by integration', route.docs)
    return { ...reply, headers: { 'x-accepted-github-permissions': `${scope}=${need}` } }
  }

  private rateLimit(bucket: Bucket): components['schemas']['rate-limit-overview'] {
    const core = {
      limit: bucket.limit,
      used: bucket.used,
      remaining: bucket.limit - bucket.used,
      reset: bucket.reset
    }
    const other = (limit: number) => ({ limit, used: 0, remaining: limit, reset: bucket.reset })
    return { resources: { core, search: other(30), graphql: other(5000) }, rate: core }
  }

  private send(res: ServerResponse, method: string, reply: Reply, bucket: Bucket) {
    const headers: Record<string, string> = {
      'x-github-request-id': randomBytes(10)
        .toString('hex')
        .toUpperCase()
        .replace(/(.{4})(.{4})(.{6})/, '$1:$2:$3:'),
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': String(bucket.limit),
      'x-ratelimit-remaining': String(Math.max(0, bucket.limit - bucket.used)),
      'x-ratelimit-reset': String(bucket.reset),
      'x-ratelimit-used': String(bucket.used),
      'x-ratelimit-resource': 'core',
      ...reply.headers
    }
    let payload = ''
    if (reply.text !== undefined) {
      headers['content-type'] = 'text/plain; charset=utf-8'
      payload = reply.text
    } else if (reply.status !== 204 && reply.body !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8'
      payload = JSON.stringify(reply.body)
    }
    res.writeHead(reply.status, headers)
    res.end(method === 'HEAD' ? undefined : payload)
  }
}

function error(status: number, message: string, docs: string): Reply {
  return { status, body: { message, documentation_url: docs, status: String(status) } }
}
