// Accounts are implied by their logins: any login a test mentions exists, with a stable
// id, so payloads built by the runner harness and responses from the emulator agree.
import { createHash } from 'node:crypto'
import type { components } from '@octokit/openapi-types'
import type { RepoState, Role } from './state.ts'

type SimpleUser = components['schemas']['simple-user']
type Association = components['schemas']['author-association']

export const SERVER_URL = 'https://github.com'

// The real id of the account behind GITHUB_TOKEN, which actions sometimes hard-code.
const KNOWN_IDS: Record<string, number> = { 'github-actions[bot]': 41898282 }

export function userId(login: string): number {
  const known = KNOWN_IDS[login]
  if (known !== undefined) return known
  return (
    10_000 + (parseInt(createHash('sha1').update(login).digest('hex').slice(0, 7), 16) % 9_000_000)
  )
}

export function isBot(login: string): boolean {
  return login.endsWith('[bot]')
}

export function noreplyEmail(login: string): string {
  return `${userId(login)}+${login}@users.noreply.github.com`
}

/** The login a commit email belongs to, when it is one of GitHub's noreply addresses. */
export function loginFromEmail(email: string): string | null {
  const m = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/.exec(email)
  return m?.[1] ?? null
}

export function simpleUser(login: string, api: string): SimpleUser {
  const id = userId(login)
  const bot = isBot(login)
  const url = `${api}/users/${encodeURIComponent(login)}`
  return {
    login,
    id,
    node_id: Buffer.from(`04:${bot ? 'Bot' : 'User'}${id}`).toString('base64'),
    avatar_url: `${SERVER_URL}/avatars/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: bot ? `${SERVER_URL}/apps/${login.slice(0, -5)}` : `${SERVER_URL}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: bot ? 'Bot' : 'User',
    user_view_type: 'public',
    site_admin: false
  }
}

/**
 * A login's role on the repository. Anyone may read a public repository, which is why
 * GitHub reports 'read' for people who were never added as collaborators.
 */
export function roleOf(state: RepoState, login: string): Role {
  const role = state.roles.get(login.toLowerCase())
  if (role) return role
  return state.private ? 'none' : 'read'
}

const RANK: Record<Role, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 }

export function atLeast(role: Role, wanted: Role): boolean {
  return RANK[role] >= RANK[wanted]
}

export function association(state: RepoState, login: string): Association {
  if (login.toLowerCase() === state.owner.toLowerCase()) return 'OWNER'
  const role = state.roles.get(login.toLowerCase())
  if (role && role !== 'none') return 'COLLABORATOR'
  for (const o of state.objects.values()) {
    if (o.type === 'commit' && o.authorLogin === login) return 'CONTRIBUTOR'
  }
  return 'NONE'
}
