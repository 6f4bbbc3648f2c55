// Turns the action's inputs (or the command line's flags) into one typed
// settings object, rejecting bad values with the input's name and the fix.
import type { Conflict } from '../sync/ops.ts'

export type CommitMode = 'push' | 'pull-request' | 'none'

export interface Settings {
  token: string
  owner: string
  repo: string
  path: string
  /** null: no badge. */
  badge: string | null
  /** The progress card SVG; null: no card. */
  card: string | null
  label: string
  /** null: the repository's default branch. */
  branch: string | null
  dryRun: boolean
  conflict: Conflict
  commitMessage: string
  commit: CommitMode
  syncTitles: boolean
  /** One milestone per category, each goal's issue in its category's. */
  milestones: boolean
  maxWrites: number
  config: string
  apiUrl: string
  serverUrl: string
}

export class InputError extends Error {}

/** Reads an input by its action.yml name; undefined when not given at all. */
export type InputSource = (name: string) => string | undefined

/** The defaults of action.yml, for callers that are not a runner (the CLI, tests). */
export const INPUT_DEFAULTS: Record<string, string> = {
  path: 'goals.md',
  badge: '.github/badges/goals.svg',
  card: '.github/badges/goals-card.svg',
  label: 'goal',
  branch: '',
  'dry-run': 'false',
  conflict: 'latest',
  'commit-message': 'chore(goals): sync progress [skip ci]',
  commit: 'push',
  'sync-titles': 'true',
  milestones: 'false',
  'max-writes': '1000',
  config: '.github/goals-sync.yml'
}

/** Inputs as a runner passes them: INPUT_<NAME> variables, action.yml defaults when absent. */
export function runnerInputs(env: NodeJS.ProcessEnv): InputSource {
  return name => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? INPUT_DEFAULTS[name]
}

function text(get: InputSource, name: string): string {
  return (get(name) ?? INPUT_DEFAULTS[name] ?? '').trim()
}

function bool(get: InputSource, name: string, fallback: boolean): boolean {
  const raw = text(get, name).toLowerCase()
  if (raw === '') return fallback
  if (['true', 'yes', 'on', '1'].includes(raw)) return true
  if (['false', 'no', 'off', '0'].includes(raw)) return false
  throw new InputError(`Input "${name}" is "${text(get, name)}": use true or false.`)
}

function oneOf<T extends string>(
  get: InputSource,
  name: string,
  allowed: readonly T[],
  fallback: T
): T {
  const raw = text(get, name)
  if (raw === '') return fallback
  if ((allowed as readonly string[]).includes(raw)) return raw as T
  throw new InputError(
    `Input "${name}" is "${raw}": use ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}.`
  )
}

function repoPath(get: InputSource, name: string, fallback: string, allowEmpty: boolean): string {
  const raw = text(get, name)
  const value = raw === '' && !allowEmpty ? fallback : raw
  if (value === '') return value
  if (
    value.startsWith('/') ||
    /^[A-Za-z]:/.test(value) ||
    value.split('/').some(p => p === '..' || p === '.' || p === '')
  ) {
    throw new InputError(
      `Input "${name}" is "${raw}": give a path inside the repository (no leading /, no . or .. parts), like ${fallback}.`
    )
  }
  if (underWorkflows(value)) {
    throw new InputError(
      `Input "${name}" is "${raw}": goals-sync never writes under .github/workflows/ (a file there is a workflow); choose another place, like ${fallback}.`
    )
  }
  return value
}

/** Git and GitHub compare paths exactly, but a workflow folder spelled in other case is refused too. */
function underWorkflows(path: string): boolean {
  const lower = path.toLowerCase()
  return lower === '.github/workflows' || lower.startsWith('.github/workflows/')
}

/** `*` and `?` within a path part, `**` across parts, `[...]` a class: what a goals `path` glob may use. */
function globPattern(glob: string): RegExp {
  let out = ''
  for (let k = 0; k < glob.length; k++) {
    const c = glob[k]!
    if (c === '*' && glob[k + 1] === '*') {
      // `**/` may also stand for no folder at all.
      const slash = glob[k + 2] === '/'
      out += slash ? '(?:.*/)?' : '.*'
      k += slash ? 2 : 1
    } else if (c === '*') out += '[^/]*'
    else if (c === '?') out += '[^/]'
    else if (c === '[' && glob.indexOf(']', k + 1) > k + 1) {
      const end = glob.indexOf(']', k + 1)
      const body = glob
        .slice(k + 1, end)
        .replace(/^!/, '^')
        .replace(/[\\\]]/g, '\\$&')
      out += `[${body}]`
      k = end
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  return new RegExp(`^${out}$`)
}

/**
 * Every file the action writes besides the goals file (the badge, the card)
 * goes through here: a path inside the repository, never a goals file (the
 * next run would read the SVG as goals and close every issue), never the
 * settings file or another output, never under .github/workflows/.
 */
export function outputPath(
  get: InputSource,
  name: string,
  taken: { path: string; config: string; others: Record<string, string | null> }
): string | null {
  const value = repoPath(get, name, INPUT_DEFAULTS[name] ?? '', true)
  if (value === '') return null
  const clash = (why: string) =>
    new InputError(
      `Input "${name}" is "${value}": ${why}; give it a path of its own, like ${INPUT_DEFAULTS[name]}, or leave it empty for none.`
    )
  if (value === taken.path || globPattern(taken.path).test(value))
    return fail(clash(`that is the goals file (input "path" is "${taken.path}")`))
  if (value === taken.config) return fail(clash(`that is the settings file (input "config")`))
  for (const [other, path] of Object.entries(taken.others)) {
    if (path === value) return fail(clash(`input "${other}" writes there already`))
  }
  return value
}

const fail = (error: Error): never => {
  throw error
}

export function buildSettings(get: InputSource, env: NodeJS.ProcessEnv): Settings {
  const token = text(get, 'token')
  if (token === '') {
    throw new InputError(
      'Input "token" is empty: pass a token, e.g. token: ${{ github.token }} (the default).'
    )
  }
  const repository = text(get, 'repository') || (env.GITHUB_REPOSITORY ?? '')
  const [owner, repo, ...rest] = repository.split('/')
  if (!owner || !repo || rest.length > 0) {
    throw new InputError(
      `The repository "${repository}" is not owner/name: GITHUB_REPOSITORY must be set (it is on every runner).`
    )
  }
  const label = text(get, 'label') || 'goal'
  if (label.length > 50 || label.includes(',')) {
    throw new InputError(
      `Input "label" is "${label}": use a label name of at most 50 characters without commas.`
    )
  }
  const maxRaw = text(get, 'max-writes')
  const maxWrites = maxRaw === '' ? 1000 : Number(maxRaw)
  if (!Number.isInteger(maxWrites) || maxWrites < 0) {
    throw new InputError(
      `Input "max-writes" is "${maxRaw}": use a whole number of 0 or more (default 1000).`
    )
  }
  const commitMessage = text(get, 'commit-message') || 'chore(goals): sync progress [skip ci]'
  const path = repoPath(get, 'path', 'goals.md', false)
  const config = repoPath(get, 'config', '.github/goals-sync.yml', false)
  const badge = outputPath(get, 'badge', { path, config, others: {} })
  const card = outputPath(get, 'card', { path, config, others: { badge } })
  return {
    token,
    owner,
    repo,
    path,
    badge,
    card,
    label,
    branch: text(get, 'branch') || null,
    dryRun: bool(get, 'dry-run', false),
    conflict: oneOf(get, 'conflict', ['latest', 'file', 'issues'] as const, 'latest'),
    commitMessage,
    commit: oneOf(get, 'commit', ['push', 'pull-request', 'none'] as const, 'push'),
    syncTitles: bool(get, 'sync-titles', true),
    milestones: bool(get, 'milestones', false),
    maxWrites,
    config,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  }
}
