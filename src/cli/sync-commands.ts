// plan and sync: the action's run from a terminal, on the same code path.
// Both do a full reconcile (as workflow_dispatch does); plan never writes.
import { ConfigError } from '../run/config.ts'
import { describeForTerminal } from '../github/errors.ts'
import { createClient, pacingFromEnv } from '../github/octokit-client.ts'
import { planJson, summaryMarkdown } from '../action/report.ts'
import { runSync, unpacedTimings } from '../run/run-sync.ts'
import { buildSettings, INPUT_DEFAULTS, InputError } from '../action/settings.ts'
import { terminalText } from '../sync/text.ts'
import { UsageError } from './args.ts'
import type { Io } from './goals-commands.ts'

export { SYNC_FLAGS } from './sync-flags.ts'

export async function syncCommand(
  write: boolean,
  flags: Map<string, string | true>,
  env: NodeJS.ProcessEnv,
  terminal: Io
): Promise<number> {
  // What the run says comes partly from GitHub (issue titles): shown, never obeyed.
  const io = {
    out: (text: string) => terminal.out(terminalText(text)),
    err: (text: string) => terminal.err(terminalText(text))
  }
  const repo = flags.get('repo')
  if (typeof repo !== 'string')
    throw new UsageError(`"${write ? 'sync' : 'plan'}" needs --repo owner/name`)
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN ?? ''
  if (token === '')
    throw new UsageError(
      'set GITHUB_TOKEN to a token that can read (plan) or write (sync) the repository'
    )
  try {
    const settings = buildSettings(name => {
      if (name === 'token') return token
      if (name === 'repository') return repo
      if (name === 'dry-run') return write ? 'false' : 'true'
      const value = flags.get(name)
      return typeof value === 'string' ? value : INPUT_DEFAULTS[name]
    }, env)
    const client = createClient({
      token,
      baseUrl: settings.apiUrl,
      pacing: pacingFromEnv(env),
      warn: m => io.err(`warning: ${m}`)
    })
    const report = await runSync({
      settings,
      client,
      eventName: 'workflow_dispatch',
      payload: {},
      log: { info: m => io.err(m), warning: m => io.err(`warning: ${m}`) },
      ...unpacedTimings(env)
    })
    const issueUrl = (n: number) =>
      `${settings.serverUrl}/${settings.owner}/${settings.repo}/issues/${n}`
    io.out(summaryMarkdown(report, issueUrl))
    if (flags.has('json')) io.out(JSON.stringify(planJson(report), null, 2))
    return 0
  } catch (error) {
    if (error instanceof InputError || error instanceof ConfigError) {
      io.err(`goals-sync: ${error.message}`)
      return 1
    }
    const said = describeForTerminal(error)
    if (said) {
      io.err(`goals-sync: ${said}`)
      return 1
    }
    throw error
  }
}
