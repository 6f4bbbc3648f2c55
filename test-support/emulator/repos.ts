// The repository itself, collaborator permissions and the authenticated user.
import type { components } from '@octokit/openapi-types'
import { ApiError, ok } from './http.ts'
import type { Actor, Route } from './http.ts'
import type { RepoState, Role } from './state.ts'
import { roleOf, SERVER_URL, simpleUser, atLeast } from './users.ts'

type FullRepository = components['schemas']['full-repository']
type Repository = components['schemas']['repository']
type Permissions = {
  admin: boolean
  maintain: boolean
  push: boolean
  triage: boolean
  pull: boolean
}

export function permissionsFor(role: Role): Permissions {
  return {
    admin: atLeast(role, 'admin'),
    maintain: atLeast(role, 'maintain'),
    push: atLeast(role, 'write'),
    triage: atLeast(role, 'triage'),
    pull: atLeast(role, 'read')
  }
}

/** What an actor may do, as the repository's `permissions` hash reports it. */
function actorRole(state: RepoState, actor: Actor): Role {
  if (actor.kind === 'user') return roleOf(state, actor.login)
  const p = actor.info?.permissions ?? {}
  if (p.contents === 'write') return 'write'
  if (p.issues === 'write' || p.pull_requests === 'write') return 'triage'
  return state.private && actor.kind === 'anonymous' ? 'none' : 'read'
}

export function repoJson(
  state: RepoState,
  api: string,
  actor?: Actor
): FullRepository & Repository {
  const full = `${state.owner}/${state.name}`
  const url = `${api}/repos/${full}`
  const html = `${SERVER_URL}/${full}`
  const openIssues = [...state.issues.values()].filter(i => i.state === 'open').length
  const pushedAt = state.clock.now()
  return {
    id: state.id,
    node_id: Buffer.from(`010:Repository${state.id}`).toString('base64'),
    name: state.name,
    full_name: full,
    owner: simpleUser(state.owner, api),
    private: state.private,
    visibility: state.private ? 'private' : 'public',
    html_url: html,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://${html.replace(/^https:\/\//, '')}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@${html.replace(/^https:\/\//, '').replace('/', ':')}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 1,
    default_branch: state.defaultBranch,
    open_issues_count: openIssues,
    open_issues: openIssues,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: pushedAt,
    created_at: state.createdAt,
    updated_at: pushedAt,
    license: null,
    subscribers_count: 1,
    network_count: 0,
    ...(actor ? { permissions: permissionsFor(actorRole(state, actor)) } : {})
  }
}

type CollaboratorPermission = components['schemas']['repository-collaborator-permission']

// GitHub's `permission` keeps the legacy names: maintain reads as write, triage as read.
const LEGACY: Record<Role, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none'
}

export function collaboratorPermission(state: RepoState, login: string, api: string) {
  const role = roleOf(state, login)
  const body: CollaboratorPermission = {
    permission: LEGACY[role],
    role_name: role,
    user: { ...simpleUser(login, api), permissions: permissionsFor(role), role_name: role }
  }
  return body
}

export const repoRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/:owner/:repo',
    scope: 'metadata',
    docs: `https://docs.github.com/rest/repos/repos#get-a-repository`,
    handle: ctx => ok(repoJson(ctx.state, ctx.api, ctx.actor))
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/collaborators/:username/permission',
    scope: 'metadata',
    docs: 'https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user',
    handle: ctx => {
      const { state, actor } = ctx
      if (actor.kind !== 'installation' && !atLeast(roleOf(state, actor.login), 'write')) {
        throw new ApiError(403, 'Must have push access to view collaborator permission.')
      }
      return ok(collaboratorPermission(state, ctx.params.username ?? '', ctx.api))
    }
  },
  {
    method: 'GET',
    path: '/user',
    docs: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
    handle: ctx => {
      const { actor } = ctx
      // GITHUB_TOKEN and other app installation tokens are not a user, so GitHub refuses.
      if (actor.kind === 'installation')
        throw new ApiError(403, 'Resource not accessible by integration')
      if (actor.kind === 'anonymous') throw new ApiError(401, 'Requires authentication')
      const created = ctx.state.createdAt
      const user: components['schemas']['public-user'] = {
        ...simpleUser(actor.login, ctx.api),
        name: actor.login,
        company: null,
        blog: '',
        location: null,
        email: null,
        hireable: null,
        bio: null,
        public_repos: 1,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: created,
        updated_at: created
      }
      return ok(user)
    }
  }
]
