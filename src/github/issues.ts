// Issues and labels on GitHub: listing issues (which are the action's is the
// ledger's say, not GitHub's), and the writes the plan asks for.
import type { ListedIssue } from '../sync/tracked-issue.ts'
import { wellFormed } from '../sync/text.ts'
import type { Client } from './octokit-client.ts'
import { explainAccess, isRateLimit, statusOf } from './errors.ts'

export interface RepoRef {
  owner: string
  repo: string
}

interface RawIssue {
  number: number
  title: string
  state: string
  state_reason?: string | null
  body?: string | null
  labels: (string | { name?: string })[]
  user: { login: string } | null
  html_url: string
  created_at: string
  updated_at: string
  pull_request?: unknown
  milestone?: { number: number } | null
}

function listed(raw: RawIssue): ListedIssue {
  return {
    number: raw.number,
    title: raw.title,
    state: raw.state === 'closed' ? 'closed' : 'open',
    stateReason: raw.state_reason ?? null,
    labels: raw.labels.map(l => (typeof l === 'string' ? l : (l.name ?? ''))).filter(l => l !== ''),
    body: raw.body ?? '',
    author: raw.user?.login ?? null,
    htmlUrl: raw.html_url,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
    milestone: raw.milestone?.number ?? null
  }
}

/** The issues (not pull requests) GitHub lists for `query`: a label, or a creator. */
export async function listIssues(
  client: Client,
  at: RepoRef,
  query: { labels: string } | { creator: string }
): Promise<ListedIssue[]> {
  try {
    const raw = await client.paginate(client.rest.issues.listForRepo, {
      ...at,
      ...query,
      state: 'all',
      per_page: 100
    })
    return (raw as RawIssue[]).filter(i => !i.pull_request).map(listed)
  } catch (error) {
    const what = 'labels' in query ? `labelled "${query.labels}"` : `opened by ${query.creator}`
    throw explainAccess(error, `list the issues ${what}`, 'issues: read')
  }
}

/** One issue by number; null when it is gone (deleted or transferred) or is a pull request. */
export async function getIssue(
  client: Client,
  at: RepoRef,
  number: number
): Promise<ListedIssue | null> {
  try {
    const { data } = await client.rest.issues.get({ ...at, issue_number: number })
    const raw = data as RawIssue
    return raw.pull_request ? null : listed(raw)
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 410) return null
    throw explainAccess(error, `read issue #${number}`, 'issues: read')
  }
}

/** Creates a label; one that exists already is fine (another run, or a person, made it). */
export async function createLabel(
  client: Client,
  at: RepoRef,
  name: string,
  color: string,
  description: string
) {
  try {
    await client.rest.issues.createLabel({
      ...at,
      name: wellFormed(name),
      color,
      description: wellFormed(description)
    })
    return 'created' as const
  } catch (error) {
    if (statusOf(error) === 422) return 'exists' as const
    throw explainAccess(error, `create the label "${name}"`, 'issues: write')
  }
}

/**
 * Renames a category's label when the category was renamed, so its colour and
 * any history stay. Only a label that still carries the description the action
 * gave it is renamed: one a person made or changed may be on other issues, and
 * those are not the action's to touch. Otherwise the new label is created.
 */
export async function renameLabel(
  client: Client,
  at: RepoRef,
  op: { from: string; to: string; ifDescription: string; color: string; description: string }
) {
  try {
    const { data } = await client.rest.issues.getLabel({ ...at, name: op.from })
    if ((data.description ?? '') === op.ifDescription) {
      await client.rest.issues.updateLabel({
        ...at,
        name: op.from,
        new_name: wellFormed(op.to),
        description: wellFormed(op.description)
      })
      return 'renamed' as const
    }
  } catch (error) {
    // The old label is gone or the new name is taken: the new label is made (or found) below.
    if (statusOf(error) !== 422 && statusOf(error) !== 404) {
      throw explainAccess(error, `rename the label "${op.from}"`, 'issues: write')
    }
  }
  return createLabel(client, at, op.to, op.color, op.description)
}

export async function createIssue(
  client: Client,
  at: RepoRef,
  issue: {
    title: string
    body: string
    labels: string[]
    assignees: string[]
    milestone?: number | null
  }
) {
  try {
    // Only the fields GitHub declares, named one by one: callers pass whole plan entries.
    // Sent once: a blind retry after a lost answer would make a second issue (see apply.ts).
    const { data } = await client.rest.issues.create({
      ...at,
      title: wellFormed(issue.title),
      body: wellFormed(issue.body),
      labels: issue.labels.map(wellFormed),
      ...(issue.assignees.length > 0 ? { assignees: issue.assignees } : {}),
      ...(typeof issue.milestone === 'number' ? { milestone: issue.milestone } : {}),
      request: { retries: 0 }
    })
    return { number: data.number, url: data.html_url }
  } catch (error) {
    throw explainAccess(error, `create the issue "${issue.title}"`, 'issues: write')
  }
}

export interface IssuePatch {
  title?: string
  body?: string
  labels?: string[]
  state?: 'open' | 'closed'
  stateReason?: 'completed' | 'not_planned'
  /** A milestone number, or null to take the issue out of its milestone. */
  milestone?: number | null
}

export async function updateIssue(client: Client, at: RepoRef, number: number, patch: IssuePatch) {
  try {
    await client.rest.issues.update({
      ...at,
      issue_number: number,
      ...(patch.title !== undefined ? { title: wellFormed(patch.title) } : {}),
      ...(patch.body !== undefined ? { body: wellFormed(patch.body) } : {}),
      ...(patch.labels !== undefined ? { labels: patch.labels.map(wellFormed) } : {}),
      ...(patch.state !== undefined ? { state: patch.state } : {}),
      ...(patch.stateReason !== undefined ? { state_reason: patch.stateReason } : {}),
      ...(patch.milestone !== undefined ? { milestone: patch.milestone } : {})
    })
  } catch (error) {
    throw explainAccess(error, `update issue #${number}`, 'issues: write')
  }
}

export async function addComment(client: Client, at: RepoRef, number: number, body: string) {
  try {
    await client.rest.issues.createComment({
      ...at,
      issue_number: number,
      body: wellFormed(body),
      request: { retries: 0 }
    })
  } catch (error) {
    throw explainAccess(error, `comment on issue #${number}`, 'issues: write')
  }
}

/** The sender's role: admin, maintain, write, triage, read or none. */
const TRIAGE_OR_MORE = ['admin', 'maintain', 'write', 'triage']

/**
 * The sender's role and whether it may close issues (triage or more). A custom
 * role shows its own name in role_name, so the base permission counts too.
 */
export async function roleOf(
  client: Client,
  at: RepoRef,
  login: string
): Promise<{ role: string; mayTriage: boolean }> {
  try {
    const { data } = await client.rest.repos.getCollaboratorPermissionLevel({
      ...at,
      username: login
    })
    const role = (data as { role_name?: string }).role_name ?? data.permission
    const mayTriage = TRIAGE_OR_MORE.includes(role) || ['admin', 'write'].includes(data.permission)
    return { role, mayTriage }
  } catch (error) {
    if (statusOf(error) === 404) return { role: 'none', mayTriage: false }
    throw explainAccess(error, `read the permission of ${login}`, 'metadata: read')
  }
}

/** Whether this exact comment is on the issue already; when the comments cannot be read, assume not. */
export async function hasComment(client: Client, at: RepoRef, number: number, body: string) {
  try {
    const comments = await client.paginate(client.rest.issues.listComments, {
      ...at,
      issue_number: number,
      per_page: 100
    })
    return comments.some(c => c.body === body)
  } catch (error) {
    if (isRateLimit(error)) throw error
    return false
  }
}

/**
 * Names of the repository's labels, lower-cased (GitHub compares them without
 * case). Only a saving: when they cannot be listed, the labels are just created.
 */
export async function labelNames(client: Client, at: RepoRef): Promise<Set<string>> {
  try {
    const labels = await client.paginate(client.rest.issues.listLabelsForRepo, {
      ...at,
      per_page: 100
    })
    return new Set(labels.map(l => l.name.toLowerCase()))
  } catch (error) {
    if (isRateLimit(error)) throw error
    return new Set()
  }
}
