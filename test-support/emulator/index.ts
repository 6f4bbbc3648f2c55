// startEmulator: a stateful stand-in for the parts of GitHub's REST API the action uses,
// served over HTTP so the real Octokit (with its plugins) runs against it, plus
// synchronous helpers for tests to arrange and inspect state without HTTP.
import type { components } from '@octokit/openapi-types'
import { addComment, commentRoutes } from './comments.ts'
import { commitRoutes } from './commits.ts'
import { contentRoutes } from './contents.ts'
import {
  commitChanges,
  editTree,
  firstParentLog,
  getBlob,
  getCommit,
  lookup,
  writeCommit
} from './git.ts'
import type { ObjectStore } from './git.ts'
import type { Route } from './http.ts'
import { editIssue, issueJson, issueRoutes, newIssue } from './issues.ts'
import { createLabel, issueLabels, labelRoutes } from './labels.ts'
import { milestoneBook, milestoneJson, milestoneRoutes } from './milestones.ts'
import { objectRoutes } from './objects.ts'
import { pullRoutes } from './pulls.ts'
import { branchHead, refRoutes, resolveCommitish } from './refs.ts'
import { repoRoutes } from './repos.ts'
import { EmulatorServer } from './server.ts'
import type { FaultRule, LoggedRequest, RequestHook } from './server.ts'
import { newState } from './state.ts'
import type { IssueRecord, ProtectionMode, RepoState, Role, TokenInfo } from './state.ts'
import { noreplyEmail } from './users.ts'

export type { FaultRule, LoggedRequest, RequestHook } from './server.ts'
export type { Access, ProtectionMode, Role, Scope, TokenInfo } from './state.ts'

export const DEFAULT_TOKEN = 'ghs_emulated_token'
const ZERO_SHA = '0'.repeat(40)

export interface EmulatorOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
  /** Files of the initial commit on the default branch. */
  files?: Record<string, string | Buffer>
  labels?: Array<{ name: string; color?: string; description?: string }>
  /** Replaces the default token set (one GITHUB_TOKEN-like token). */
  tokens?: Record<string, TokenInfo>
  private?: boolean
  port?: number
  /**
   * GitHub's secondary limits (403 with retry-after past 80 content creations a minute or
   * 500 an hour). Off unless asked for or a timeScale is given: tests that run with pacing
   * off would meet them where the action, paced, never does.
   */
  secondaryLimits?: boolean
  /** Emulated time runs this many times slower than real time (secondary limits): 0.01 makes a minute 0.6 s. */
  timeScale?: number
  /** Check request bodies against GitHub's REST description and log violations (default true). */
  validate?: boolean
}

export interface IssueSummary {
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  state_reason: IssueRecord['stateReason']
  labels: string[]
  user: string
  assignees: string[]
  locked: boolean
  comments: number
  closed_at: string | null
  closed_by: string | null
  created_at: string
  updated_at: string
  milestone: number | null
}

export interface CommitSummary {
  sha: string
  message: string
  parents: string[]
  authorLogin: string | null
  verified: boolean
  date: string
  /** Paths changed relative to the first parent. */
  files: string[]
}

export interface PullSummary {
  number: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  head: string
  base: string
  user: string
  draft: boolean
  labels: string[]
}

export interface Emulator {
  url: string
  token: string
  owner: string
  repo: string
  defaultBranch: string
  close(): Promise<void>
  commit(
    branch: string,
    files: Record<string, string | Buffer | null>,
    message?: string,
    authorLogin?: string
  ): { before: string; after: string }
  file(ref: string, path: string): string | undefined
  head(branch: string): string
  commits(branch: string): CommitSummary[]
  issues(): IssueSummary[]
  issue(n: number): IssueSummary | undefined
  /** The issue exactly as the REST API returns it (handy for webhook payloads). */
  issueJson(n: number): components['schemas']['issue']
  comments(n: number): Array<{ body: string; user: string; created_at: string }>
  labels(): Array<{ name: string; color: string; description: string | null }>
  pulls(): PullSummary[]
  /** Every milestone (open and closed) exactly as the REST API returns it. */
  milestones(): Array<components['schemas']['milestone']>
  createIssue(input: {
    as: string
    title: string
    body?: string
    labels?: string[]
    assignees?: string[]
    state?: 'open' | 'closed'
  }): IssueSummary
  closeIssue(n: number, opts: { as: string; reason?: 'completed' | 'not_planned' }): IssueSummary
  reopenIssue(n: number, opts: { as: string }): IssueSummary
  editIssue(
    n: number,
    changes: { title?: string; body?: string },
    opts: { as: string }
  ): IssueSummary
  comment(n: number, body: string, opts: { as: string }): void
  setPermission(login: string, role: Role): void
  protect(branch: string, mode: ProtectionMode | false): void
  addToken(token: string, info: TokenInfo): void
  readonly requests: LoggedRequest[]
  /** Every body violation of GitHub's REST description so far, one line each. */
  violations(): string[]
  reads(): number
  writes(): number
  resetLog(): void
  fail(rule: FaultRule): void
  failWrite(k: number, status?: number): void
  onRequest(fn: RequestHook): () => void
  now(): string
  setClock(iso: string): void
}

function routes(): Route[] {
  return [
    ...repoRoutes,
    ...contentRoutes,
    ...refRoutes,
    ...objectRoutes,
    ...commitRoutes,
    ...issueRoutes,
    ...labelRoutes,
    ...pullRoutes,
    ...commentRoutes,
    ...milestoneRoutes
  ]
}

/** A person's push: an unsigned commit authored by `login`, bypassing branch protection. */
function push(
  state: RepoState,
  branch: string,
  files: Record<string, string | Buffer | null>,
  message: string,
  login: string
) {
  const before = branchHead(state, branch)
  const parent = before ?? branchHead(state, state.defaultBranch)
  const parentTree = parent ? (getCommit(state.objects, parent)?.tree ?? null) : null
  const data = Object.fromEntries(
    Object.entries(files).map(([p, v]) => [p, v === null ? null : Buffer.from(v)])
  )
  const date = state.clock.next()
  const who = { name: login, email: noreplyEmail(login), date }
  const after = writeCommit(state.objects, {
    tree: editTree(state.objects, parentTree, data),
    parents: parent ? [parent] : [],
    message,
    author: who,
    committer: who,
    authorLogin: login,
    verified: false
  })
  state.refs.set(`refs/heads/${branch}`, after)
  return { before: before ?? ZERO_SHA, after }
}

function summary(state: RepoState, i: IssueRecord): IssueSummary {
  return {
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.stateReason,
    labels: issueLabels(state, i).map(l => l.name),
    user: i.user,
    assignees: [...i.assignees],
    locked: i.locked,
    comments: state.comments.filter(c => c.issue === i.number).length,
    closed_at: i.closedAt,
    closed_by: i.closedBy,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    milestone: i.milestone ?? null
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const owner = options.owner ?? 'octo'
  const objects: ObjectStore = new Map()
  const state = newState({
    owner,
    repo: options.repo ?? 'goals',
    defaultBranch: options.defaultBranch ?? 'main',
    private: options.private ?? false,
    objects
  })
  push(state, state.defaultBranch, options.files ?? {}, 'Initial commit', owner)
  for (const l of options.labels ?? []) createLabel(state, l)
  const tokens = options.tokens ?? {
    [DEFAULT_TOKEN]: { login: 'github-actions[bot]', kind: 'installation' }
  }
  for (const [token, info] of Object.entries(tokens)) state.tokens.set(token, info)

  const server = new EmulatorServer(state, routes(), {
    ...(options.timeScale === undefined ? {} : { timeScale: options.timeScale }),
    secondaryLimits: options.secondaryLimits ?? options.timeScale !== undefined,
    ...(options.validate === undefined ? {} : { validate: options.validate })
  })
  const url = await server.listen(options.port ?? 0)
  const issueOr = (n: number) => {
    const i = state.issues.get(n)
    if (!i) throw new Error(`no issue #${n}`)
    return i
  }

  return {
    url,
    token: Object.keys(tokens)[0] ?? DEFAULT_TOKEN,
    owner,
    repo: state.name,
    defaultBranch: state.defaultBranch,
    close: () => server.close(),
    commit: (branch, files, message = 'Update files', authorLogin = owner) =>
      push(state, branch, files, message, authorLogin),
    file(ref, path) {
      const sha = resolveCommitish(state, ref)
      const tree = sha ? getCommit(objects, sha)?.tree : undefined
      const entry = tree ? lookup(objects, tree, path) : undefined
      return entry?.type === 'blob' ? getBlob(objects, entry.sha)?.data.toString('utf8') : undefined
    },
    head(branch) {
      const sha = branchHead(state, branch)
      if (!sha) throw new Error(`no branch ${branch}`)
      return sha
    },
    commits(branch) {
      const head = branchHead(state, branch)
      return (head ? firstParentLog(objects, head) : []).map(sha => {
        const c = getCommit(objects, sha)
        return {
          sha,
          message: c?.message ?? '',
          parents: c?.parents ?? [],
          authorLogin: c?.authorLogin ?? null,
          verified: c?.verified ?? false,
          date: c?.committer.date ?? '',
          files: commitChanges(objects, sha).map(ch => ch.path)
        }
      })
    },
    issues: () => [...state.issues.values()].filter(i => !i.pull).map(i => summary(state, i)),
    issue: n => {
      const i = state.issues.get(n)
      return i ? summary(state, i) : undefined
    },
    issueJson: n => issueJson(state, url, issueOr(n)),
    comments: n =>
      state.comments
        .filter(c => c.issue === n)
        .map(c => ({ body: c.body, user: c.user, created_at: c.createdAt })),
    labels: () =>
      state.labels.map(l => ({ name: l.name, color: l.color, description: l.description })),
    pulls: () =>
      [...state.issues.values()].flatMap(i =>
        i.pull
          ? [
              {
                number: i.number,
                title: i.title,
                body: i.body,
                state: i.state,
                head: i.pull.head,
                base: i.pull.base,
                user: i.user,
                draft: i.pull.draft,
                labels: issueLabels(state, i).map(l => l.name)
              }
            ]
          : []
      ),
    milestones: () => milestoneBook(state).list.map(m => milestoneJson(state, url, m)),
    createIssue(input) {
      const { as, state: wanted, ...fields } = input
      const issue = newIssue(state, as, fields)
      if (wanted === 'closed') editIssue(state, issue, { state: 'closed' }, as)
      return summary(state, issue)
    },
    closeIssue: (n, { as, reason }) =>
      summary(
        state,
        editIssue(state, issueOr(n), { state: 'closed', state_reason: reason ?? 'completed' }, as)
      ),
    reopenIssue: (n, { as }) => summary(state, editIssue(state, issueOr(n), { state: 'open' }, as)),
    editIssue: (n, changes, { as }) =>
      summary(state, editIssue(state, issueOr(n), { ...changes }, as)),
    comment(n, body, { as }) {
      addComment(state, n, as, body)
    },
    setPermission: (login, role) => void state.roles.set(login.toLowerCase(), role),
    protect(branch, mode) {
      if (mode) state.protection.set(branch, mode)
      else state.protection.delete(branch)
    },
    addToken: (token, info) => void state.tokens.set(token, info),
    get requests() {
      return server.requests
    },
    violations: () => server.requests.flatMap(r => r.violations ?? []),
    reads: () => server.requests.filter(r => r.method === 'GET' || r.method === 'HEAD').length,
    writes: () => server.requests.filter(r => r.method !== 'GET' && r.method !== 'HEAD').length,
    resetLog: () => void server.requests.splice(0),
    fail: rule => server.fail(rule),
    failWrite: (k, status = 500) => server.fail({ nth: k, status }, true),
    onRequest(fn) {
      server.hooks.add(fn)
      return () => void server.hooks.delete(fn)
    },
    now: () => state.clock.now(),
    setClock: iso => state.clock.set(iso)
  }
}
