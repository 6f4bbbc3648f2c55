// Issue 11: an issue opened (or labelled) with the common label becomes a goal,
// through the run's one commit, and joins the ledger there.
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { issuesEvent } from '../../test-support/runner.ts'
import { decodeMarker } from '../../src/sync/marker.ts'
import { goalIssues, reconcile, sync, syncedEmulator } from './harness.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

const LEDGER = '.github/goals-sync/ledger.json'
const ledgerOf = (e: Emulator) => JSON.parse(e.file('main', LEDGER)!)

const CRAFT_END_BEFORE = '[ ] contribute a patch to a compiler\n\n## Career Goals'

/** A person opens an issue, and the action runs for its event. */
async function openAs(
  login: string,
  fields: { title: string; labels: string[]; body?: string; state?: 'open' | 'closed' },
  inputs: Record<string, string> = {}
) {
  const issue = emu.createIssue({ as: login, ...fields })
  const event = issuesEvent('opened', emu.issueJson(issue.number), { sender: login })
  const warnings: string[] = []
  const report = await sync(emu, 'issues', event, { inputs, warnings })
  return { issue, event, report, warnings }
}

describe('a goal from an issue', () => {
  it('an admin’s issue labelled goal + a category: one commit adds the goal last in it, the counter counts it, the issue joins the ledger', async () => {
    emu = await syncedEmulator()
    const before = emu.file('main', 'goals.md')!
    expect(before).toContain(CRAFT_END_BEFORE)
    expect(before).toContain('## Craft Goals  [2/6]')
    const commits = emu.commits('main').length
    const issuesBefore = emu.issues().length
    emu.resetLog()
    const { issue, event, report } = await openAs('octo', {
      title: 'learn Zig',
      labels: ['goal', 'Craft Goals'],
      body: 'Because <b>comptime</b> looks fun.\n'
    })
    const after = emu.file('main', 'goals.md')!
    expect(after).toBe(
      before
        .replace('## Craft Goals  [2/6]', '## Craft Goals  [2/7]')
        .replace(
          CRAFT_END_BEFORE,
          '[ ] contribute a patch to a compiler\n\n[ ] learn Zig\n\n## Career Goals'
        )
    )
    expect(emu.commits('main')).toHaveLength(commits + 1)
    expect(emu.commits('main')[0]!.files.sort()).toEqual([
      '.github/badges/goals-card.svg',
      '.github/badges/goals.svg',
      LEDGER,
      'goals.md'
    ])
    expect(emu.issues()).toHaveLength(issuesBefore + 1)
    expect(report.applied.created).toEqual([])
    expect(ledgerOf(emu).issues[String(issue.number)]).toEqual({
      file: 'goals.md',
      category: 'Craft Goals',
      title: 'learn Zig',
      n: 0,
      synced: 'open'
    })
    // The person's text stays first; the action's lines and its marker follow; labels were complete.
    const now = emu.issue(issue.number)!
    expect(
      now.body!.startsWith(
        'Because <b>comptime</b> looks fun.\n\n---\n\nGoal in **Craft Goals** of'
      )
    ).toBe(true)
    expect(decodeMarker(now.body)).toEqual({
      file: 'goals.md',
      category: 'Craft Goals',
      title: 'learn Zig',
      n: 0,
      synced: 'open',
      removed: false
    })
    expect(now.labels.sort()).toEqual(['Craft Goals', 'goal'])
    // The commit's three writes and the issue's one update.
    expect(emu.writes()).toBe(4)
    expect(report.applied.updated).toEqual([issue.number])
    expect(emu.violations()).toEqual([])

    emu.resetLog()
    const again = await sync(emu, 'issues', event)
    expect(again.notes.join(' ')).toContain('already one of goals-sync’s issues')
    await reconcile(emu)
    expect(emu.writes()).toBe(0)
    expect(emu.file('main', 'goals.md')).toBe(after)
    expect(emu.issues()).toHaveLength(issuesBefore + 1)
  })

  it('an issue closed before the run is added ticked, and a label added later adopts it', async () => {
    emu = await syncedEmulator()
    emu.setPermission('tri', 'triage')
    const issue = emu.createIssue({
      as: 'tri',
      title: 'give a conference talk',
      labels: ['Career Goals']
    })
    emu.closeIssue(issue.number, { as: 'tri' })
    // Adding the label is what a maintainer does on someone's issue; the event names the label.
    const client = (await import('./harness.ts')).clientFor(emu)
    await client.rest.issues.addLabels({
      owner: emu.owner,
      repo: emu.repo,
      issue_number: issue.number,
      labels: ['goal']
    })
    const event = {
      ...issuesEvent('labeled', emu.issueJson(issue.number), { sender: 'tri' }),
      label: { name: 'goal' }
    }
    await sync(emu, 'issues', event)
    const text = emu.file('main', 'goals.md')!
    expect(text).toContain('## Career Goals  [2/5]')
    expect(text).toContain('[ ] negotiate a four-day week\n\n[x] give a conference talk\n')
    expect(ledgerOf(emu).issues[String(issue.number)].synced).toBe('closed')
    // The person wrote no text: the body is the action's alone.
    expect(emu.issue(issue.number)!.body!.startsWith('Goal in **Career Goals** of')).toBe(true)
  })
})

describe('the issue update counts toward max-writes', () => {
  it('with the budget spent by the commit, the goal lands, the run says so, and a rerun adds the marker with one write', async () => {
    emu = await syncedEmulator()
    const { issue, event, warnings, report } = await openAs(
      'octo',
      { title: 'learn Zig', labels: ['goal', 'Craft Goals'], body: 'mine' },
      { 'max-writes': '3' }
    )
    expect(report.writes).toBe(3)
    expect(emu.file('main', 'goals.md')).toContain('[ ] learn Zig')
    expect(report.warnings.join(' ')).toContain('max-writes: 3')
    expect(warnings).toEqual([])
    expect(emu.issue(issue.number)!.body).toBe('mine')
    emu.resetLog()
    await sync(emu, 'issues', event)
    expect(emu.writes()).toBe(1)
    expect(
      emu.issue(issue.number)!.body!.startsWith('mine\n\n---\n\nGoal in **Craft Goals**')
    ).toBe(true)
    expect(decodeMarker(emu.issue(issue.number)!.body)?.category).toBe('Craft Goals')
  })
})

describe('issues that do not become goals', () => {
  it('an outsider’s issue with the same labels changes nothing', async () => {
    emu = await syncedEmulator()
    emu.setPermission('stranger', 'read')
    const before = emu.file('main', 'goals.md')!
    const ledger = emu.file('main', LEDGER)
    emu.resetLog()
    const { issue, report } = await openAs('stranger', {
      title: 'learn Zig',
      labels: ['goal', 'Craft Goals']
    })
    expect(emu.writes()).toBe(0)
    expect(emu.file('main', 'goals.md')).toBe(before)
    expect(emu.file('main', LEDGER)).toBe(ledger)
    expect(emu.issue(issue.number)!.body).toBeNull()
    expect(report.notes.join(' ')).toContain('whose role is "read"')
  })

  it('a triager’s issue with a label naming no category (and not able to be one) changes nothing', async () => {
    emu = await syncedEmulator()
    emu.setPermission('tri', 'triage')
    const before = emu.file('main', 'goals.md')!
    emu.resetLog()
    const { report } = await openAs('tri', { title: 'learn Zig', labels: ['goal', 'Someday ##'] })
    expect(emu.writes()).toBe(0)
    expect(emu.file('main', 'goals.md')).toBe(before)
    expect(report.notes.join(' ')).toContain('names no category and cannot become one')
  })

  it('a triager’s issue with one label naming no category creates that category at the end', async () => {
    emu = await syncedEmulator()
    emu.setPermission('tri', 'triage')
    await openAs('tri', { title: 'learn Zig', labels: ['goal', 'Someday'] })
    expect(emu.file('main', 'goals.md')!.endsWith('## Someday [0/1]\n\n[ ] learn Zig\n')).toBe(true)
  })

  it('a labelled event for another label is skipped before any read', async () => {
    emu = await syncedEmulator()
    const issue = emu.createIssue({
      as: 'octo',
      title: 'learn Zig',
      labels: ['goal', 'Craft Goals']
    })
    emu.resetLog()
    const event = {
      ...issuesEvent('labeled', emu.issueJson(issue.number), { sender: 'octo' }),
      label: { name: 'Craft Goals' }
    }
    const report = await sync(emu, 'issues', event)
    expect(report.skipped).toContain('not "goal"')
    expect(emu.reads() + emu.writes()).toBe(0)
  })

  it('dry-run: plans the goal, writes nothing', async () => {
    emu = await syncedEmulator()
    const before = emu.file('main', 'goals.md')!
    emu.resetLog()
    const { report } = await openAs(
      'octo',
      { title: 'learn Zig', labels: ['goal', 'Craft Goals'] },
      { 'dry-run': 'true' }
    )
    expect(emu.writes()).toBe(0)
    expect(emu.file('main', 'goals.md')).toBe(before)
    expect(report.edits.map(e => e.append)).toEqual([
      { category: 'Craft Goals', title: 'learn Zig', checked: false }
    ])
    expect(report.total).toBe(goalIssues(emu).length + 1)
  })
})
