// The committed bundle, run the way a runner runs it: a fresh node process that knows
// only its environment, the event file and action.yml's input defaults. (`npm test`
// checks first that dist/ is built from the current src/.)
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { runAction, type RunResult, type RunTarget } from '../../test-support/runner.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { emulatorWith, goalIssues, issueFor, SEEDLIKE } from '../integration/harness.ts'
import { landPush } from './support.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const BUNDLE = join(root, 'dist/index.js')
const ACTION_YML = join(root, 'action.yml')
const TOKEN = 'ghs_Bundl3TestT0kenThatMustNeverBePrinted'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

async function withToken(files: Record<string, string>) {
  emu = await emulatorWith(files)
  emu.addToken(TOKEN, { login: 'github-actions[bot]', kind: 'installation' })
  const target: RunTarget = {
    url: emu.url,
    token: TOKEN,
    owner: emu.owner,
    repo: emu.repo,
    head: branch => emu.head(branch)
  }
  return target
}

/** The runner consumes `::add-mask::` commands; everything else reaches the log. */
function printed(result: RunResult): string {
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
}

describe('dist/index.js as a runner runs it', () => {
  it('syncs a push of the seed-shaped file and sets its outputs', async () => {
    const target = await withToken({ 'goals.md': '# Goals\n' })
    const event = landPush(emu, SEEDLIKE)
    const result = await runAction(BUNDLE, {
      emu: target,
      eventName: 'push',
      event,
      actionYml: ACTION_YML
    })
    expect(result.code, printed(result)).toBe(0)

    const doc = parseGoals(SEEDLIKE)
    const { outputs } = result
    expect(outputs.total).toBe(String(doc.total))
    expect(outputs.done).toBe(String(doc.done))
    expect(outputs.percent).toBe(String(Math.floor((doc.done * 100) / doc.total)))
    const created = outputs.created!.split(',').map(Number)
    expect(created.sort((a, b) => a - b)).toEqual(
      goalIssues(emu)
        .map(i => i.number)
        .sort((a, b) => a - b)
    )
    expect(created).toHaveLength(doc.total)
    const closed = outputs.closed!.split(',').map(Number)
    expect(closed.sort((a, b) => a - b)).toEqual(
      doc.goals
        .filter(g => g.checked)
        .map(g => issueFor(emu, g.title).number)
        .sort((a, b) => a - b)
    )
    expect(outputs.deferred).toBe('0')
    expect(outputs['commit-sha']).toBe(emu.head('main'))
    expect(emu.commits('main')[0]!.files.sort()).toEqual([
      '.github/badges/goals-card.svg',
      '.github/badges/goals.svg',
      '.github/goals-sync/ledger.json',
      'goals.md'
    ])
    expect(JSON.parse(outputs.plan!)).toMatchObject({ dryRun: false })
    expect(result.summary).toContain('Goals progress')

    expect(result.stdout).toContain(`::add-mask::${TOKEN}`)
    expect(printed(result)).not.toContain(TOKEN)
    expect(result.summary).not.toContain(TOKEN)
    expect(Object.values(outputs).join('\n')).not.toContain(TOKEN)
  }, 60_000)

  it('a bad input value exits non-zero with ::error:: naming the input, before any request', async () => {
    const target = await withToken({ 'goals.md': SEEDLIKE })
    const event = landPush(emu, SEEDLIKE)
    const result = await runAction(BUNDLE, {
      emu: target,
      eventName: 'push',
      event,
      actionYml: ACTION_YML,
      inputs: { conflict: 'nope' }
    })
    expect(result.code).not.toBe(0)
    const error = result.stdout.split('\n').find(l => l.startsWith('::error'))
    expect(error, result.stdout).toBeDefined()
    expect(error).toContain('"conflict"')
    expect(error).toContain('nope')
    expect(error).toMatch(/latest/)
    expect(emu.requests).toEqual([])
    expect(printed(result)).not.toContain(TOKEN)
  }, 60_000)

  it('a failure from GitHub does not print the token either, and names the permission', async () => {
    const target = await withToken({ 'goals.md': '# Goals\n' })
    emu.addToken(TOKEN, {
      login: 'github-actions[bot]',
      kind: 'installation',
      permissions: { contents: 'write', issues: 'read', metadata: 'read' }
    })
    const event = landPush(emu, SEEDLIKE)
    const result = await runAction(BUNDLE, {
      emu: target,
      eventName: 'push',
      event,
      actionYml: ACTION_YML
    })
    expect(result.code).not.toBe(0)
    const error = result.stdout.split('\n').find(l => l.startsWith('::error'))
    expect(error, result.stdout).toMatch(/issues: write/)
    expect(printed(result)).not.toContain(TOKEN)
  }, 60_000)
})
