// The emulator's whole world: one repository plus the people and tokens around it.
// Route handlers and the test-facing helpers both read and write this object, so the
// HTTP view and the helper view can never disagree.
import type { ObjectStore } from './git.ts'
import { Clock } from './clock.ts'
import type { MilestoneRecord } from './milestones.ts'

export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'
export type Access = 'none' | 'read' | 'write'
export type Scope = 'contents' | 'issues' | 'pull_requests' | 'metadata'
export type ProtectionMode = 'protection' | 'ruleset'

export interface TokenInfo {
  /** Who the token acts as, e.g. 'github-actions[bot]' or 'alice'. */
  login: string
  /** 'installation' behaves like GITHUB_TOKEN or a GitHub App token; 'user' like a personal token. */
  kind?: 'installation' | 'user'
  /** Installation tokens only: what the token was granted. User tokens follow the user's role. */
  permissions?: Partial<Record<Scope, Access>>
  /** Requests per hour before GitHub answers 403 with x-ratelimit-remaining: 0. */
  rateLimit?: number
}

export interface LabelRecord {
  id: number
  name: string
  color: string
  description: string | null
  isDefault: boolean
}

export interface PullRecord {
  head: string
  base: string
  draft: boolean
  merged: boolean
  maintainerCanModify: boolean
}

export interface IssueRecord {
  number: number
  id: number
  title: string
  body: string | null
  user: string
  state: 'open' | 'closed'
  stateReason: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null
  labels: number[]
  assignees: string[]
  locked: boolean
  createdAt: string
  updatedAt: string
  closedAt: string | null
  closedBy: string | null
  /** Present when this number belongs to a pull request (they share the sequence). */
  pull?: PullRecord
  /** Number of the milestone the issue is in; absent or null: none. */
  milestone?: number | null
}

export interface CommentRecord {
  id: number
  issue: number
  body: string
  user: string
  createdAt: string
  updatedAt: string
}

export interface RepoState {
  owner: string
  name: string
  id: number
  private: boolean
  defaultBranch: string
  createdAt: string
  objects: ObjectStore
  /** Full ref name ('refs/heads/main') to commit sha. */
  refs: Map<string, string>
  protection: Map<string, ProtectionMode>
  issues: Map<number, IssueRecord>
  comments: CommentRecord[]
  labels: LabelRecord[]
  roles: Map<string, Role>
  tokens: Map<string, TokenInfo>
  clock: Clock
  nextNumber: number
  nextId: number
  /** Created on first use (see milestones.ts). */
  milestones?: { list: MilestoneRecord[]; next: number }
}

export const REPO_ID = 700_001

export function newState(opts: {
  owner: string
  repo: string
  defaultBranch: string
  private: boolean
  objects: ObjectStore
}): RepoState {
  const clock = new Clock()
  return {
    owner: opts.owner,
    name: opts.repo,
    id: REPO_ID,
    private: opts.private,
    defaultBranch: opts.defaultBranch,
    createdAt: clock.next(),
    objects: opts.objects,
    refs: new Map(),
    protection: new Map(),
    issues: new Map(),
    comments: [],
    labels: [],
    roles: new Map([[opts.owner.toLowerCase(), 'admin']]),
    tokens: new Map(),
    clock,
    nextNumber: 1,
    nextId: 1_000_000
  }
}

/** Ids are global on GitHub, so a single counter serves issues, comments and labels. */
export function nextId(state: RepoState): number {
  state.nextId += 1
  return state.nextId
}
