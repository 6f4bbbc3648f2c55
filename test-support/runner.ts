// Runs a bundled JavaScript action the way a GitHub-hosted runner does: a fresh node
// process whose only knowledge of the world is its environment (GITHUB_*, RUNNER_*,
// INPUT_*) and the files those variables point to. Also builds event payloads shaped
// like the ones GitHub writes to GITHUB_EVENT_PATH.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { REPO_ID } from './emulator/state.ts'
import { noreplyEmail, SERVER_URL, userId } from './emulator/users.ts'

export interface RunTarget {
  url: string
  token: string
  owner: string
  repo: string
  defaultBranch?: string
  /** When available (an Emulator has it), GITHUB_SHA is the branch head like on a runner. */
  head?: (branch: string) => string
}

export interface RunOptions {
  emu?: RunTarget
  eventName: string
  event: object
  inputs?: Record<string, string>
  env?: Record<string, string>
  cwd?: string
  /** action.yml whose input defaults apply as the runner applies them (${{ github.token }} included). */
  actionYml?: string
  timeoutMs?: number
}

export interface RunResult {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** The runner's rule: spaces become underscores, letters go upper case, dashes stay. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** Reads GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` heredocs as @actions/core writes them. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const value: string[] = []
      for (i += 1; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

function inputDefaults(actionYml: string, token: string): Record<string, string> {
  const doc = parseYaml(readFileSync(actionYml, 'utf8')) as {
    inputs?: Record<string, { default?: unknown }>
  }
  const out: Record<string, string> = {}
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
    if (spec?.default === undefined) continue
    const value = String(spec.default)
    // The runner evaluates expressions; the one actions really use as a default is the token.
    out[name] = value.replace(/\$\{\{\s*github\.token\s*\}\}/g, token)
  }
  return out
}

// A runner does not pass its own environment through; only a few basics survive.
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'SystemRoot', 'USERPROFILE']
  return Object.fromEntries(
    keep.flatMap(k => (process.env[k] ? [[k, process.env[k] as string]] : []))
  )
}

export async function runAction(bundlePath: string, opts: RunOptions): Promise<RunResult> {
  const temp = mkdtempSync(join(tmpdir(), 'runner-'))
  const file = (name: string, text = '') => {
    const path = join(temp, name)
    writeFileSync(path, text)
    return path
  }
  const event = opts.event as Record<string, unknown>
  const owner = opts.emu?.owner ?? 'octo'
  const repo = opts.emu?.repo ?? 'goals'
  const repository = (event.repository ?? {}) as { default_branch?: string }
  const defaultBranch = repository.default_branch ?? opts.emu?.defaultBranch ?? 'main'
  const ref =
    typeof event.ref === 'string' && event.ref.startsWith('refs/')
      ? event.ref
      : `refs/heads/${defaultBranch}`
  const branch = ref.replace(/^refs\/(heads|tags)\//, '')
  const sha = typeof event.after === 'string' ? event.after : headOf(opts.emu, branch)
  const actor = ((event.sender ?? {}) as { login?: string }).login ?? owner
  const token = opts.emu?.token ?? ''
  const defaults = opts.actionYml ? inputDefaults(opts.actionYml, token) : {}
  const inputs = { ...defaults, ...(opts.emu ? { token } : {}), ...opts.inputs }
  // Without an emulator the API url points at a closed port, so stray calls fail fast.
  const api = opts.emu?.url ?? 'http://127.0.0.1:9'
  const workspace = opts.cwd ?? join(temp, 'workspace')
  mkdirSync(workspace, { recursive: true })

  const env: Record<string, string> = {
    ...baseEnv(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: opts.eventName,
    GITHUB_EVENT_PATH: file('event.json', JSON.stringify(opts.event, null, 2)),
    GITHUB_REPOSITORY: `${owner}/${repo}`,
    GITHUB_REPOSITORY_OWNER: owner,
    GITHUB_REPOSITORY_ID: String(REPO_ID),
    GITHUB_API_URL: api,
    GITHUB_SERVER_URL: SERVER_URL,
    GITHUB_GRAPHQL_URL: `${api}/graphql`,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: branch,
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_SHA: sha,
    GITHUB_ACTOR: actor,
    GITHUB_ACTOR_ID: String(userId(actor)),
    GITHUB_TRIGGERING_ACTOR: actor,
    GITHUB_WORKFLOW: 'goals',
    GITHUB_WORKFLOW_REF: `${owner}/${repo}/.github/workflows/goals.yml@${ref}`,
    GITHUB_JOB: 'sync',
    GITHUB_ACTION: '__run',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: file('output'),
    GITHUB_STEP_SUMMARY: file('summary'),
    GITHUB_ENV: file('env'),
    GITHUB_PATH: file('path'),
    GITHUB_STATE: file('state'),
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'emulated-runner',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: join(temp, 'runner-temp'),
    RUNNER_TOOL_CACHE: join(temp, 'tool-cache'),
    GOALS_SYNC_PACING: 'off',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v])),
    ...opts.env
  }
  mkdirSync(join(temp, 'runner-temp'))

  try {
    const { code, stdout, stderr } = await spawnNode(
      bundlePath,
      workspace,
      env,
      opts.timeoutMs ?? 60_000
    )
    const read = (name: string) => readFileSync(join(temp, name), 'utf8')
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(read('output')),
      summary: read('summary')
    }
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

function headOf(target: RunTarget | undefined, branch: string): string {
  try {
    return target?.head?.(branch) ?? '0'.repeat(40)
  } catch {
    return '0'.repeat(40)
  }
}

function spawnNode(script: string, cwd: string, env: Record<string, string>, timeoutMs: number) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (signal)
        stderr += `\n[runner] killed by ${signal}${signal === 'SIGKILL' ? ` after ${timeoutMs} ms` : ''}`
      resolve({ code: code ?? 1, stdout, stderr })
    })
  })
}

// ---- event payloads ------------------------------------------------------------

function account(login: string) {
  const id = userId(login)
  const bot = login.endsWith('[bot]')
  return {
    login,
    id,
    node_id: Buffer.from(`04:${bot ? 'Bot' : 'User'}${id}`).toString('base64'),
    avatar_url: `${SERVER_URL}/avatars/u/${id}?v=4`,
    html_url: bot ? `${SERVER_URL}/apps/${login.slice(0, -5)}` : `${SERVER_URL}/${login}`,
    type: bot ? 'Bot' : 'User',
    site_admin: false
  }
}

export interface RepoRef {
  owner?: string
  repo?: string
  defaultBranch?: string
}

/** The `repository` object webhooks carry. */
export function repositoryPayload({
  owner = 'octo',
  repo = 'goals',
  defaultBranch = 'main'
}: RepoRef = {}) {
  return {
    id: REPO_ID,
    node_id: Buffer.from(`010:Repository${REPO_ID}`).toString('base64'),
    name: repo,
    full_name: `${owner}/${repo}`,
    private: false,
    owner: account(owner),
    html_url: `${SERVER_URL}/${owner}/${repo}`,
    url: `${SERVER_URL.replace('//', '//api.')}/repos/${owner}/${repo}`,
    default_branch: defaultBranch,
    master_branch: defaultBranch,
    visibility: 'public',
    fork: false,
    archived: false,
    disabled: false,
    has_issues: true,
    open_issues_count: 0,
    topics: [],
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
    pushed_at: '2024-01-01T00:00:00Z'
  }
}

export interface PushCommit {
  id: string
  message: string
  author?: string
  added?: string[]
  removed?: string[]
  modified?: string[]
}

export function pushEvent(
  opts: RepoRef & {
    before: string
    after: string
    ref?: string
    sender?: string
    commits?: PushCommit[]
  }
) {
  const owner = opts.owner ?? 'octo'
  const repo = opts.repo ?? 'goals'
  const sender = opts.sender ?? owner
  const commits = (opts.commits ?? []).map(c => {
    const who = c.author ?? sender
    const person = { name: who, email: noreplyEmail(who), username: who }
    return {
      id: c.id,
      tree_id: '',
      distinct: true,
      message: c.message,
      timestamp: new Date().toISOString(),
      url: `${SERVER_URL}/${owner}/${repo}/commit/${c.id}`,
      author: person,
      committer: person,
      added: c.added ?? [],
      removed: c.removed ?? [],
      modified: c.modified ?? []
    }
  })
  const zero = /^0+$/
  return {
    ref: opts.ref ?? `refs/heads/${opts.defaultBranch ?? 'main'}`,
    before: opts.before,
    after: opts.after,
    created: zero.test(opts.before),
    deleted: zero.test(opts.after),
    forced: false,
    base_ref: null,
    compare: `${SERVER_URL}/${owner}/${repo}/compare/${opts.before.slice(0, 12)}...${opts.after.slice(0, 12)}`,
    commits,
    head_commit: commits.at(-1) ?? null,
    pusher: { name: sender, email: noreplyEmail(sender) },
    // Push payloads alone give these two as Unix seconds, not ISO strings.
    repository: { ...repositoryPayload(opts), created_at: 1_704_067_200, pushed_at: 1_704_067_200 },
    sender: account(sender)
  }
}

/** `issue` is the REST shape of the issue (e.g. emu.issueJson(n)), as webhooks send it. */
export function issuesEvent(
  action: 'opened' | 'closed' | 'reopened' | 'edited' | 'labeled' | 'unlabeled' | 'deleted',
  issue: { repository_url?: string } & object,
  opts: { sender: string; changes?: object; defaultBranch?: string }
) {
  const [, owner, repo] = /\/repos\/([^/]+)\/([^/]+)$/.exec(issue.repository_url ?? '') ?? []
  return {
    action,
    issue,
    ...(opts.changes ? { changes: opts.changes } : {}),
    repository: repositoryPayload({ owner, repo, defaultBranch: opts.defaultBranch }),
    sender: account(opts.sender)
  }
}

/** A scheduled run: GitHub sends the cron line, the repository and the workflow file, no sender. */
export function scheduleEvent(opts: RepoRef & { cron?: string } = {}) {
  return {
    schedule: opts.cron ?? '17 3 * * *',
    repository: repositoryPayload(opts),
    workflow: '.github/workflows/goals.yml'
  }
}

export function dispatchEvent(
  opts: RepoRef & { sender?: string; inputs?: Record<string, string> } = {}
) {
  const owner = opts.owner ?? 'octo'
  return {
    inputs: opts.inputs ?? {},
    ref: `refs/heads/${opts.defaultBranch ?? 'main'}`,
    repository: repositoryPayload(opts),
    sender: account(opts.sender ?? owner),
    workflow: '.github/workflows/goals.yml'
  }
}
