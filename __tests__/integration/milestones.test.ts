// Issue 11: with `milestones: true` every category has a milestone of its name
// and each goal's issue sits in its category's, so open/closed counts equal
// the category counters. Real Octokit over HTTP against the emulator.
import { afterEach, describe, expect, it } from 'vitest'
import { dispatchEvent, pushEvent } from '../../test-support/runner.ts'
import { planJson } from '../../src/action/report.ts'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { writeRequests } from '../robustness/support.ts'
import {
  clientFor,
  emulatorWith,
  fixture,
  goalIssues,
  issueFor,
  sync,
  type SyncCall
} from './harness.ts'

const SEVEN = fixture('seven-categories.md')
const ON: SyncCall = { inputs: { milestones: 'true' } }
const desc = (category: string) => `Goals under "${category}" in goals.md`

// Counted by hand from the fixture: [title, open, closed].
const SEVEN_COUNTS: [string, number, number][] = [
  ['Technical Goals', 1, 2],
  ['Leadership Goals', 1, 1],
  ['Communication Goals', 1, 1],
  ['Career Goals', 2, 0],
  ['Learning Goals', 0, 1],
  ['Community Goals', 1, 1],
  ['Personal Goals', 1, 2]
]

const counts = (emu: Emulator) =>
  emu
    .milestones()
    .map(m => [m.title, m.open_issues, m.closed_issues, m.state] as const)
    .sort((a, b) => a[0].localeCompare(b[0]))

const expectedCounts = (rows: [string, number, number][], state = 'open') =>
  rows.map(([t, o, c]) => [t, o, c, state] as const).sort((a, b) => a[0].localeCompare(b[0]))

const milestoneNamed = (emu: Emulator, title: string) => {
  const found = emu.milestones().filter(m => m.title === title)
  if (found.length !== 1)
    throw new Error(`expected one milestone "${title}", found ${found.length}`)
  return found[0]!
}

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

async function firstSync(text = SEVEN, prepare?: (emu: Emulator) => Promise<void>) {
  emu = await emulatorWith({ 'goals.md': '# Goals\n' })
  emu.setPermission('octo', 'admin')
  await prepare?.(emu)
  const { before, after } = emu.commit('main', { 'goals.md': text }, 'goals', 'octo')
  return sync(emu, 'push', pushEvent({ before, after }), ON)
}

const rerun = (call = ON) => sync(emu, 'workflow_dispatch', dispatchEvent(), call)

async function pushText(text: string, call = ON) {
  const { before, after } = emu.commit('main', { 'goals.md': text }, 'edit', 'octo')
  return sync(emu, 'push', pushEvent({ before, after }), call)
}

describe('milestones: true', () => {
  it("the seed's first sync leaves seven milestones whose counts equal the category counters", async () => {
    await firstSync()
    expect(counts(emu)).toEqual(expectedCounts(SEVEN_COUNTS))
    for (const m of emu.milestones()) expect(m.description).toBe(desc(m.title))
    const text = emu.file('main', 'goals.md')!
    expect(text).toContain('## Technical Goals [2/3]')
    expect(text).toContain('## Career Goals [0/2]')
    const ledger = JSON.parse(emu.file('main', '.github/goals-sync/ledger.json')!)
    expect(Object.values(ledger.milestones).sort()).toEqual(SEVEN_COUNTS.map(r => r[0]).sort())
    expect(emu.violations()).toEqual([])
  })

  it('new issues get their milestone at creation: no separate write moves them', async () => {
    await firstSync()
    const issueWrites = writeRequests(emu).filter(r => /\/issues\/\d+$/.test(r.path))
    // Only the closings of ticked goals (eight of them) patch an issue.
    expect(issueWrites).toHaveLength(8)
    expect(
      issueWrites.every(r => (r.body as { milestone?: unknown }).milestone === undefined)
    ).toBe(true)
  })

  it('a rerun makes no write', async () => {
    await firstSync()
    emu.resetLog()
    const report = await rerun()
    expect(report.writes).toBe(0)
    expect(writeRequests(emu)).toEqual([])
  })

  it('a moved goal changes label and milestone in one write', async () => {
    await firstSync()
    const moved = SEVEN.replace('[ ] negotiate a raise\n\n', '').replace(
      '[x] mentor a new teammate\n',
      '[x] mentor a new teammate\n\n[ ] negotiate a raise\n'
    )
    emu.resetLog()
    await pushText(moved)
    const issue = issueFor(emu, 'negotiate a raise')
    const patches = writeRequests(emu).filter(r => r.path.endsWith(`/issues/${issue.number}`))
    expect(patches).toHaveLength(1)
    const body = patches[0]!.body as { labels: string[]; milestone: number }
    expect(body.labels).toContain('Leadership Goals')
    expect(body.milestone).toBe(milestoneNamed(emu, 'Leadership Goals').number)
    expect(issue.milestone).toBe(milestoneNamed(emu, 'Leadership Goals').number)
    expect(milestoneNamed(emu, 'Career Goals').open_issues).toBe(1)
    expect(milestoneNamed(emu, 'Leadership Goals').open_issues).toBe(2)
    expect(emu.violations()).toEqual([])
  })

  it('a renamed category renames the milestone the action made', async () => {
    await firstSync()
    const before = milestoneNamed(emu, 'Career Goals').number
    await pushText(SEVEN.replace('## Career Goals', '## Work Goals'))
    const renamed = milestoneNamed(emu, 'Work Goals')
    expect(renamed.number).toBe(before)
    expect(renamed.description).toBe(desc('Work Goals'))
    expect(emu.milestones().some(m => m.title === 'Career Goals')).toBe(false)
    expect(emu.milestones()).toHaveLength(7)
    emu.resetLog()
    expect((await rerun()).writes).toBe(0)
  })

  it("a removed category's milestone closes once no open goal is left in it", async () => {
    await firstSync()
    await pushText(SEVEN.replace(/## Career Goals[\s\S]*?(?=## Learning)/, ''))
    const career = milestoneNamed(emu, 'Career Goals')
    expect(career.state).toBe('closed')
    expect([career.open_issues, career.closed_issues]).toEqual([0, 0])
    // Its goals' issues were closed as removed and left it.
    expect(issueFor(emu, 'get promoted').milestone).toBeNull()
    expect(issueFor(emu, 'get promoted').state).toBe('closed')
    // The category comes back: its milestone reopens rather than a second one.
    await pushText(SEVEN)
    expect(counts(emu)).toEqual(expectedCounts(SEVEN_COUNTS))
    expect(emu.milestones()).toHaveLength(7)
  })

  it('dry-run writes nothing and makes no milestone', async () => {
    emu = await emulatorWith({ 'goals.md': SEVEN })
    const report = await rerun({ inputs: { milestones: 'true', 'dry-run': 'true' } })
    expect(report.writes).toBe(0)
    expect(emu.milestones()).toEqual([])
    expect(planJson(report).milestones).toEqual(
      SEVEN_COUNTS.map(([title]) => ({ op: 'create', title }))
    )
    expect(report.ops.filter(op => op.kind === 'create-issue')).toHaveLength(15)
    expect(report.ops.every(op => op.kind !== 'create-issue' || op.milestone !== undefined)).toBe(
      true
    )
  })

  it('milestones: false reads no milestone and sets none', async () => {
    emu = await emulatorWith({ 'goals.md': SEVEN })
    const report = await rerun({ inputs: {} })
    expect(planJson(report).milestones).toBeUndefined()
    expect(emu.requests.some(r => r.path.endsWith('/milestones'))).toBe(false)
    expect(emu.milestones()).toEqual([])
    expect(goalIssues(emu).every(i => i.milestone === null)).toBe(true)
  })
})

describe('milestones: the security path (a person’s milestones and issues)', () => {
  it("a person's milestone of the same name is used, never renamed or closed, and not recorded", async () => {
    await firstSync(SEVEN, async e => {
      await clientFor(e).rest.issues.createMilestone({
        owner: e.owner,
        repo: e.repo,
        title: 'career goals',
        description: 'ours, the team'
      })
    })
    const theirs = milestoneNamed(emu, 'career goals')
    expect(issueFor(emu, 'get promoted').milestone).toBe(theirs.number)
    expect(emu.milestones()).toHaveLength(7)
    const ledger = JSON.parse(emu.file('main', '.github/goals-sync/ledger.json')!)
    expect(Object.keys(ledger.milestones)).not.toContain(String(theirs.number))

    // Renamed category: the person's milestone keeps its name; the new name gets its own.
    await pushText(SEVEN.replace('## Career Goals', '## Work Goals'))
    expect(milestoneNamed(emu, 'career goals').description).toBe('ours, the team')
    expect(issueFor(emu, 'get promoted').milestone).toBe(milestoneNamed(emu, 'Work Goals').number)

    // Removed category: the person's milestone is not closed.
    await pushText(
      SEVEN.replace('## Career Goals', '## Work Goals').replace(
        /## Work Goals[\s\S]*?(?=## Learning)/,
        ''
      )
    )
    expect(milestoneNamed(emu, 'career goals').state).toBe('open')
    expect(milestoneNamed(emu, 'Work Goals').state).toBe('closed')
    expect(emu.violations()).toEqual([])
  })

  it("an issue a person put in the action's milestone is never moved", async () => {
    await firstSync()
    const career = milestoneNamed(emu, 'Career Goals').number
    const { data } = await clientFor(emu).rest.issues.create({
      owner: emu.owner,
      repo: emu.repo,
      title: 'a person’s own issue',
      labels: ['goal'],
      milestone: career
    })
    await pushText(SEVEN.replace('## Career Goals', '## Work Goals'))
    await rerun()
    const theirs = emu.issues().find(i => i.number === data.number)!
    expect(theirs.milestone).toBe(career)
    expect(theirs.labels).toEqual(['goal'])
    // The milestone has an open issue that is not a goal's: it is renamed with its category, not closed.
    expect(milestoneNamed(emu, 'Work Goals').open_issues).toBe(3)
  })
})
