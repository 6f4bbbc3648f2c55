// Runs the sync in-process against the project's GitHub emulator, with the real
// Octokit client (retry and throttling plugins included) talking HTTP to it.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '../../src/github/octokit-client.ts'
import { runSync, type RunReport } from '../../src/run/run-sync.ts'
import { buildSettings, INPUT_DEFAULTS } from '../../src/action/settings.ts'
import { startEmulator, type Emulator } from '../../test-support/emulator/index.ts'
import { dispatchEvent, issuesEvent, pushEvent } from '../../test-support/runner.ts'

const here = dirname(fileURLToPath(import.meta.url))
export const fixture = (name: string) => readFileSync(join(here, '../fixtures', name), 'utf8')
export const SEEDLIKE = fixture('seedlike.md')

export async function emulatorWith(files: Record<string, string>): Promise<Emulator> {
  return startEmulator({ owner: 'octo', repo: 'goals', defaultBranch: 'main', files })
}

export interface SyncCall {
  inputs?: Record<string, string>
  token?: string
  warnings?: string[]
  /** The run's clock (ms), for GitHub's hourly creation limit. */
  now?: () => number
}

export async function sync(
  emu: Emulator,
  eventName: string,
  payload: object,
  call: SyncCall = {}
): Promise<RunReport> {
  const inputs: Record<string, string> = {
    ...INPUT_DEFAULTS,
    token: call.token ?? emu.token,
    ...call.inputs
  }
  const env = {
    GITHUB_REPOSITORY: `${emu.owner}/${emu.repo}`,
    GITHUB_API_URL: emu.url,
    GITHUB_SERVER_URL: 'https://github.com'
  }
  const settings = buildSettings(name => inputs[name], env)
  const client = createClient({
    token: settings.token,
    baseUrl: settings.apiUrl,
    pacing: false,
    warn: m => call.warnings?.push(m)
  })
  return runSync({
    settings,
    client,
    eventName,
    payload: payload as Record<string, unknown>,
    log: { info: () => {}, warning: m => call.warnings?.push(m) },
    lockPollMs: 50,
    lockTiming: { perWriteMs: 100, spareMs: 2_000, maxWaitMs: 10_000 },
    ...(call.now ? { now: call.now } : {})
  })
}

/** A repository whose goals file was pushed and synced, with octo as its admin. */
export async function syncedEmulator(
  text: string = SEEDLIKE,
  files: Record<string, string> = {}
): Promise<Emulator> {
  const emu = await emulatorWith({ 'goals.md': text, ...files })
  await push(emu, text)
  emu.setPermission('octo', 'admin')
  return emu
}

/** Lands a person's commit of `text` and returns the push event for it (reusable for reruns). */
export function landPush(emu: Emulator, text: string, path = 'goals.md') {
  const { before, after } = emu.commit('main', { [path]: text }, 'edit goals', 'octo')
  // As GitHub sends it: the event lists the paths each commit changed.
  const commits = [{ id: after, message: 'edit goals', modified: [path] }]
  return pushEvent({ before, after, commits })
}

/** Lands a commit as a person would, then runs the action for its push event. */
export async function push(emu: Emulator, text: string, call: SyncCall = {}, path = 'goals.md') {
  return sync(emu, 'push', landPush(emu, text, path), call)
}

export const reconcile = (emu: Emulator, call: SyncCall = {}) =>
  sync(emu, 'workflow_dispatch', dispatchEvent(), call)

export async function closeAs(emu: Emulator, n: number, login: string, call: SyncCall = {}) {
  emu.closeIssue(n, { as: login })
  return sync(emu, 'issues', issuesEvent('closed', emu.issueJson(n), { sender: login }), call)
}

export async function reopenAs(emu: Emulator, n: number, login: string, call: SyncCall = {}) {
  emu.reopenIssue(n, { as: login })
  return sync(emu, 'issues', issuesEvent('reopened', emu.issueJson(n), { sender: login }), call)
}

/** The goal issues (the action's) by title. */
export function goalIssues(emu: Emulator) {
  return emu.issues().filter(i => i.user === 'github-actions[bot]')
}

export function issueFor(emu: Emulator, title: string) {
  const matches = goalIssues(emu).filter(i => i.title === title)
  if (matches.length !== 1)
    throw new Error(`expected one issue titled "${title}", found ${matches.length}`)
  return matches[0]!
}

/** The lines that differ between two versions of a file of the same length in lines. */
export function changedLines(a: string, b: string): [string, string][] {
  const x = a.split('\n')
  const y = b.split('\n')
  if (x.length !== y.length) throw new Error(`line count changed: ${x.length} → ${y.length}`)
  return x.flatMap((line, i) => (line === y[i] ? [] : [[line, y[i]!] as [string, string]]))
}

/** The real client on the emulator, as a person or another tool would use it. */
export function clientFor(emu: Emulator) {
  return createClient({ token: emu.token, baseUrl: emu.url, pacing: false, warn: () => {} })
}

/** A lock ref as a run makes it, saying it is held until `until` (a dead run's, or a stuck one). */
export async function plantLock(emu: Emulator, until: Date): Promise<void> {
  const client = clientFor(emu)
  const at = { owner: emu.owner, repo: emu.repo }
  const { data: head } = await client.rest.git.getCommit({ ...at, commit_sha: emu.head('main') })
  const { data: lock } = await client.rest.git.createCommit({
    ...at,
    message: `goals-sync lock held until ${until.toISOString()}`,
    tree: head.tree.sha,
    parents: []
  })
  await client.rest.git.createRef({ ...at, ref: 'refs/goals-sync/lock', sha: lock.sha })
}
