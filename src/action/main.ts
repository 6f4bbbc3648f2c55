// The action's shell: inputs → settings, run the sync, outputs and summary.
import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import { ConfigError } from '../run/config.ts'
import { ActionError, describeHttpError, isRateLimit, messageOf } from '../github/errors.ts'
import { createClient, pacingFromEnv } from '../github/octokit-client.ts'
import { issueLogLines, outputsOf, planJson, summaryMarkdown } from './report.ts'
import { runSync, unpacedTimings } from '../run/run-sync.ts'
import { buildSettings, InputError, runnerInputs } from './settings.ts'
import { inertLogLines } from '../sync/text.ts'

/**
 * Every info line goes through here: text from goals and issues reaches the
 * log, and a runner would obey a line of it that reads as a workflow command.
 * Warnings and errors need nothing: @actions/core escapes their line breaks.
 */
function info(message: string): void {
  for (const line of inertLogLines(message)) core.info(line)
}

function readEvent(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const path = env.GITHUB_EVENT_PATH
  if (!path) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new ActionError(
      `Could not read the event payload at ${path}: ${(error as Error).message}`
    )
  }
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const settings = buildSettings(runnerInputs(env), env)
    core.setSecret(settings.token)
    const client = createClient({
      token: settings.token,
      baseUrl: settings.apiUrl,
      pacing: pacingFromEnv(env),
      warn: message => core.warning(message)
    })
    const report = await runSync({
      settings,
      client,
      eventName: env.GITHUB_EVENT_NAME ?? '',
      payload: readEvent(env),
      log: { info, warning: m => core.warning(m) },
      ...unpacedTimings(env)
    })
    if (report.skipped) info(`goals-sync: ${report.skipped}.`)
    for (const note of report.notes) info(note)
    for (const line of issueLogLines(report)) info(line)
    for (const w of report.warnings) core.warning(w)
    const outputs = outputsOf(report)
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
    if (settings.dryRun) info(`Dry run; the plan:\n${JSON.stringify(planJson(report), null, 2)}`)
    const issueUrl = (n: number) =>
      `${settings.serverUrl}/${settings.owner}/${settings.repo}/issues/${n}`
    if (env.GITHUB_STEP_SUMMARY)
      await core.summary.addRaw(summaryMarkdown(report, issueUrl), true).write()
  } catch (error) {
    if (isRateLimit(error)) {
      core.setFailed(
        `GitHub's API rate limit for this token is spent (${messageOf(error)}); nothing more could be done now. The next run carries on where this one stopped.`
      )
      return
    }
    const known =
      error instanceof ActionError || error instanceof InputError || error instanceof ConfigError
    const http = describeHttpError(error)
    core.setFailed(
      known
        ? (error as Error).message
        : http
          ? http
          : `goals-sync failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    )
  }
}
