// SPEC §7: bad input gets a clear error naming the input or line and the fix, and
// nothing is lost.
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { buildSettings, INPUT_DEFAULTS } from '../../src/action/settings.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { emulatorWith, goalIssues, reconcile, SEEDLIKE, sync } from '../integration/harness.ts'
import { duplicatedTitles, failureOf, landPush, writeRequests } from './support.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

const CONFIG = '.github/goals-sync.yml'

describe('bad input', () => {
  it('a goals file that is not there: names the path and the "path" input', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    const message = await failureOf(reconcile(emu, { inputs: { path: 'docs/nowhere.md' } }))
    expect(message).toContain('docs/nowhere.md')
    expect(message).toMatch(/input "path"/)
    expect(writeRequests(emu)).toEqual([])
  })

  it('an unknown branch: names the branch and the "branch" input', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    const message = await failureOf(reconcile(emu, { inputs: { branch: 'nope' } }))
    expect(message).toContain('"nope"')
    expect(message).toMatch(/input "branch"/)
    expect(writeRequests(emu)).toEqual([])
  })

  const badValues: [string, string, RegExp][] = [
    ['conflict', 'newest', /latest, file or issues/],
    ['max-writes', '-1', /whole number/],
    ['max-writes', 'lots', /whole number/],
    ['dry-run', 'maybe', /true or false/],
    ['commit', 'force', /push, pull-request or none/],
    ['sync-titles', 'sometimes', /true or false/]
  ]
  it('an input left empty takes its documented default (max-writes: 1000)', () => {
    const inputs: Record<string, string> = { ...INPUT_DEFAULTS, token: 't', 'max-writes': '' }
    const settings = buildSettings(n => inputs[n] ?? '', { GITHUB_REPOSITORY: 'o/r' })
    expect(settings.maxWrites).toBe(Number(INPUT_DEFAULTS['max-writes']))
    expect(settings.maxWrites).toBe(1000)
  })

  for (const [name, value, fix] of badValues) {
    it(`${name}: ${value} is refused before any request, naming the input and the fix`, async () => {
      emu = await emulatorWith({ 'goals.md': SEEDLIKE })
      const message = await failureOf(
        sync(emu, 'push', landPush(emu, SEEDLIKE), { inputs: { [name]: value } })
      )
      expect(message).toContain(`"${name}"`)
      expect(message).toContain(value)
      expect(message).toMatch(fix)
      expect(emu.requests).toEqual([])
    })
  }

  it('a token without issues: write: says to grant issues: write, and a rerun with one loses nothing', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    emu.addToken('ghs_issues_read_only', {
      login: 'github-actions[bot]',
      kind: 'installation',
      permissions: { contents: 'write', issues: 'read', metadata: 'read' }
    })
    const event = landPush(emu, SEEDLIKE)
    const head = emu.head('main')
    const message = await failureOf(sync(emu, 'push', event, { token: 'ghs_issues_read_only' }))
    expect(emu.requests.some(r => r.status === 403)).toBe(true)
    expect(message).toContain('Resource not accessible by integration')
    expect(message).toMatch(/permissions: issues: write/)
    expect(emu.issues()).toEqual([])
    expect(emu.head('main')).toBe(head)

    await sync(emu, 'push', event)
    const doc = parseGoals(SEEDLIKE)
    expect(goalIssues(emu)).toHaveLength(doc.total)
    expect(duplicatedTitles(emu)).toEqual([])
  })

  it('a token without contents: write when a commit is needed: says to grant contents: write', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    emu.addToken('ghs_contents_read_only', {
      login: 'github-actions[bot]',
      kind: 'installation',
      permissions: { contents: 'read', issues: 'write', metadata: 'read' }
    })
    const event = landPush(emu, SEEDLIKE)
    const head = emu.head('main')
    const message = await failureOf(sync(emu, 'push', event, { token: 'ghs_contents_read_only' }))
    expect(emu.requests.some(r => r.status === 403)).toBe(true)
    expect(message).toContain('Resource not accessible by integration')
    expect(message).toMatch(/permissions: contents: write/)
    expect(emu.head('main')).toBe(head)

    // Nothing is lost: with the right token the same push finishes, one issue per goal.
    await sync(emu, 'push', event)
    expect(goalIssues(emu)).toHaveLength(parseGoals(SEEDLIKE).total)
    expect(duplicatedTitles(emu)).toEqual([])
    expect(emu.file('main', 'goals.md')).toContain('## Craft Goals  [2/6]')
  })

  it('a settings file that is not valid YAML: the error names the file and the line', async () => {
    const yaml = 'heading-level: 2\nassignees:\n  - octo\nlabel: color: red\n'
    emu = await emulatorWith({ 'goals.md': SEEDLIKE, [CONFIG]: yaml })
    const message = await failureOf(reconcile(emu))
    expect(message).toContain(`${CONFIG}:4`)
    expect(writeRequests(emu)).toEqual([])
  })

  it('an unknown key in the settings file: the error names the key and its line', async () => {
    const yaml = 'heading-level: 2\nassignees:\n  - octo\ncolour: red\n'
    emu = await emulatorWith({ 'goals.md': SEEDLIKE, [CONFIG]: yaml })
    const message = await failureOf(reconcile(emu))
    expect(message).toContain(`${CONFIG}:4`)
    expect(message).toContain('"colour"')
    expect(writeRequests(emu)).toEqual([])
  })

  it('an unknown key inside a category: named with its line too', async () => {
    const yaml = 'categories:\n  Craft Goals:\n    color: "0e8a16"\n    colour: red\n'
    emu = await emulatorWith({ 'goals.md': SEEDLIKE, [CONFIG]: yaml })
    const message = await failureOf(reconcile(emu))
    expect(message).toContain(`${CONFIG}:4`)
    expect(message).toContain('"colour"')
  })

  const badPaths: [Record<string, string>, string, RegExp][] = [
    [{ badge: 'goals.md' }, 'badge', /goals file/],
    [{ badge: '.github/workflows/goals.yml' }, 'badge', /\.github\/workflows/],
    [{ badge: '.GitHub/Workflows/x.svg' }, 'badge', /\.github\/workflows/],
    [{ badge: '/etc/passwd' }, 'badge', /inside the repository/],
    [{ badge: 'a/../goals.md' }, 'badge', /inside the repository/],
    [{ badge: '.github/goals-sync.yml' }, 'badge', /settings file/],
    [{ path: 'goals/*.md', badge: 'goals/badge.md' }, 'badge', /goals file/],
    [{ path: 'goals/**/*.md', card: 'goals/x.md' }, 'card', /goals file/],
    [{ card: '.github/badges/goals.svg' }, 'card', /"badge" writes there/],
    [{ card: '.github/workflows/card.svg' }, 'card', /\.github\/workflows/],
    [{ path: '.github/workflows/goals.md' }, 'path', /\.github\/workflows/]
  ]
  for (const [inputs, name, fix] of badPaths) {
    it(`${JSON.stringify(inputs)} is refused before any request, naming "${name}"`, async () => {
      emu = await emulatorWith({ 'goals.md': SEEDLIKE })
      const head = emu.head('main')
      const message = await failureOf(sync(emu, 'push', landPush(emu, SEEDLIKE), { inputs }))
      expect(message).toContain(`Input "${name}"`)
      expect(message).toMatch(fix)
      expect(emu.requests).toEqual([])
      expect(emu.head('main')).not.toBe(head)
      expect(emu.issues()).toEqual([])
    })
  }

  it('bot-login set to a person is refused, naming the line; nothing is written', async () => {
    const yaml = 'heading-level: 2\nbot-login: octocat\n'
    emu = await emulatorWith({ 'goals.md': SEEDLIKE, [CONFIG]: yaml })
    const message = await failureOf(reconcile(emu))
    expect(message).toContain(`${CONFIG}:2`)
    expect(message).toContain('"octocat"')
    expect(message).toMatch(/\[bot\]/)
    expect(writeRequests(emu)).toEqual([])
  })

  it('a settings file over 64 KB is refused quickly, naming the file', async () => {
    const yaml = `categories:\n${Array.from({ length: 20_000 }, (_, i) => `  c${i}:\n    color: "0e8a16"\n`).join('')}`
    emu = await emulatorWith({ 'goals.md': SEEDLIKE, [CONFIG]: yaml })
    const message = await failureOf(reconcile(emu))
    expect(message).toContain(CONFIG)
    expect(message).toMatch(/65536/)
    expect(writeRequests(emu)).toEqual([])
  })

  it('a key twice in the settings file is an error naming the second line', async () => {
    const yaml =
      'heading-level: 2\ncategories:\n  A:\n    color: "0e8a16"\n  A:\n    color: "0e8a17"\n'
    emu = await emulatorWith({ 'goals.md': SEEDLIKE, [CONFIG]: yaml })
    const message = await failureOf(reconcile(emu))
    expect(message).toContain(`${CONFIG}:5`)
    expect(message).toContain('"A" appears twice')
  })
})
