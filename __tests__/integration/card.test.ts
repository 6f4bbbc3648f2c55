// Issue 10's acceptance, on the bundle as a runner runs it: a push run of a
// seed-shaped file commits the goals file, the badge and the progress card in
// one commit, a rerun commits nothing, and `card: ''` and dry-run write no card.
// The pull-request mode runs in process (its commit is built the same way).
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { parseGoals } from '../../src/goals/parse.ts'
import { renderCardOf } from '../../src/render/card-model.ts'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { dispatchEvent, pushEvent, runAction } from '../../test-support/runner.ts'
import { closeAs, emulatorWith, fixture, issueFor, push } from './harness.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const BUNDLE = join(root, 'dist/index.js')
const actionYml = join(root, 'action.yml')
const SEVEN = fixture('seven.md')
const CARD = '.github/badges/goals-card.svg'
const BADGE = '.github/badges/goals.svg'
const LEDGER = '.github/goals-sync/ledger.json'

// The fixture's categories with their counts, counted by hand.
const categories: [string, string][] = [
  ['Craft Goals', '5/16'],
  ['Career Goals', '8/20'],
  ['Venture Goals', '0/5'],
  ['Product Goals', '2/7'],
  ['People/Leadership Goals', '5/7'],
  ['Writing / Community Goals', '3/11'],
  ['Workplace Goals', '4/8']
]

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

const run = (eventName: string, event: object, inputs: Record<string, string> = {}) =>
  runAction(BUNDLE, { emu, eventName, event, actionYml, inputs, env: { GOALS_SYNC_PACING: 'off' } })

async function pushSeven(inputs: Record<string, string> = {}) {
  emu = await emulatorWith({ 'goals.md': '# Goals\n' })
  const { before, after } = emu.commit('main', { 'goals.md': SEVEN }, 'add goals', 'octo')
  const result = await run('push', pushEvent({ before, after }), inputs)
  expect(result.code, result.stdout + result.stderr).toBe(0)
  return result
}

/** Git's own blob id of a text, as the ledger records it. */
function gitBlobId(text: string): string {
  const r = spawnSync('git', ['hash-object', '--stdin'], { input: text, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout.trim()
}

/** The texts of the SVG's <text> elements, tags and entities stripped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map(m =>
    m[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  )
}

describe('the progress card in the action commit', () => {
  it('a push run commits the goals file, badge and card together; the card shows every category', async () => {
    const result = await pushSeven()
    const commits = emu.commits('main')
    expect(commits).toHaveLength(3)
    const head = commits[0]!
    expect(result.outputs['commit-sha']).toBe(head.sha)
    expect(head.files.sort()).toEqual([CARD, BADGE, LEDGER, 'goals.md'])
    const text = emu.file('main', 'goals.md')!
    expect(text).toContain('## Craft Goals  [5/16]\n')
    expect(text).toContain('## Writing / Community Goals [3/11]\n')
    expect(text).toContain('## Workplace Goals [4/8]\n')
    expect(emu.file('main', BADGE)).toContain('27/74')

    const card = emu.file('main', CARD)!
    const shown = texts(card)
    for (const [name, count] of categories) {
      expect(shown).toContain(name)
      expect(shown).toContain(count)
    }
    expect(shown).toContain('27/74')
    // The card's own layout is specified by its renderer (tested in __tests__/render).
    expect(card).toBe(renderCardOf([{ title: null, doc: parseGoals(text) }]))
    // The ledger records the card's blob id, so the next run judges it without downloading it.
    const ledger = JSON.parse(emu.file('main', LEDGER)!) as { blobs: Record<string, string> }
    expect(ledger.blobs[CARD]).toBe(gitBlobId(card))
    expect(ledger.blobs[BADGE]).toBe(gitBlobId(emu.file('main', BADGE)!))

    // A rerun (a reconcile of the same state) finds nothing stale and commits nothing.
    const again = await run('workflow_dispatch', dispatchEvent())
    expect(again.code, again.stdout).toBe(0)
    expect(emu.commits('main')).toHaveLength(3)
    expect(again.outputs['commit-sha']).toBe('')
  }, 60_000)

  it('a repository synced without a card gets one from the next run, with the ledger and nothing else', async () => {
    await pushSeven({ card: '' })
    const text = emu.file('main', 'goals.md')!
    const result = await run('workflow_dispatch', dispatchEvent())
    expect(result.code, result.stdout).toBe(0)
    expect(emu.commits('main')).toHaveLength(4)
    expect(emu.commits('main')[0]!.files.sort()).toEqual([CARD, LEDGER])
    expect(emu.file('main', 'goals.md')).toBe(text)
    expect(texts(emu.file('main', CARD)!)).toContain('5/16')
  }, 60_000)

  it("card: '' commits the goals file and badge but no card", async () => {
    await pushSeven({ card: '' })
    expect(emu.commits('main')[0]!.files.sort()).toEqual([BADGE, LEDGER, 'goals.md'])
    expect(emu.file('main', CARD)).toBeUndefined()
  }, 60_000)

  it('dry-run writes nothing: no commit, no card', async () => {
    const result = await pushSeven({ 'dry-run': 'true' })
    expect(result.outputs['commit-sha']).toBe('')
    expect(emu.commits('main')).toHaveLength(2)
    expect(emu.file('main', CARD)).toBeUndefined()
    expect(emu.file('main', BADGE)).toBeUndefined()
  }, 60_000)

  it('commit: pull-request carries the card in the pull request, and a tick there updates it', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    emu.protect('main', 'protection')
    const inputs = { commit: 'pull-request' }
    const first = await push(emu, SEVEN, { inputs })
    expect(first.commit?.pullRequest?.created).toBe(true)
    expect(emu.commits('goals-sync/main')[0]!.files.sort()).toEqual([CARD, BADGE, 'goals.md'])
    expect(emu.file('main', CARD)).toBeUndefined()
    expect(texts(emu.file('goals-sync/main', CARD)!)).toContain('0/5')

    emu.setPermission('octo', 'admin')
    await closeAs(emu, issueFor(emu, 'sell a product').number, 'octo', { inputs })
    const card = texts(emu.file('goals-sync/main', CARD)!)
    expect(card).toContain('1/5')
    expect(card).toContain('28/74')
    expect(emu.pulls()).toHaveLength(1)
  }, 60_000)
})
