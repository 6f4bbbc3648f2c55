// SPEC §7: a run with no change makes no write and at most 3 + ceil(goal issues / 100)
// reads; `max-writes` caps the writes of one run, the rest is reported in `deferred` and
// done by the next run, until everything converges.
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { outputsOf } from '../../src/action/report.ts'
import { emulatorWith, goalIssues, reconcile, SEEDLIKE, sync } from '../integration/harness.ts'
import {
  duplicatedTitles,
  generateGoals,
  isIssueWrite,
  landPush,
  writeRequests
} from './support.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

const readBudget = () => 3 + Math.ceil(goalIssues(emu).length / 100)

describe('idempotence', () => {
  it('a reconcile right after the first sync makes no write and stays within the read budget', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, SEEDLIKE))
    emu.resetLog()
    const report = await reconcile(emu)
    expect(report.ops).toEqual([])
    expect(report.edits).toEqual([])
    expect(writeRequests(emu)).toEqual([])
    expect(emu.reads()).toBeLessThanOrEqual(readBudget())
    expect(outputsOf(report)['commit-sha']).toBe('')
  })

  it('with 150 goals (two pages of issues) too', async () => {
    const { text, goals } = generateGoals(150, 3)
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const first = await sync(emu, 'push', landPush(emu, text))
    expect(first.applied.deferred).toBe(0)
    expect(goalIssues(emu)).toHaveLength(goals.length)

    emu.resetLog()
    const report = await reconcile(emu)
    expect(report.ops).toEqual([])
    expect(writeRequests(emu)).toEqual([])
    expect(readBudget()).toBe(5)
    expect(emu.reads()).toBeLessThanOrEqual(readBudget())

    // A rerun of the push event itself is just as quiet.
    emu.resetLog()
    await sync(emu, 'push', landPush(emu, emu.file('main', 'goals.md')!))
    expect(writeRequests(emu)).toEqual([])
    expect(emu.reads()).toBeLessThanOrEqual(readBudget())
  })
})

describe('convergence under a write budget', () => {
  it('1,000 goals with max-writes 300 converge over several runs to one right issue per goal', async () => {
    const { text, goals } = generateGoals(1000, 8)
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    // GITHUB_TOKEN's 1,000 requests an hour would run out first; this test is about max-writes.
    const token = 'ghs_roomy_installation_token'
    emu.addToken(token, { login: 'github-actions[bot]', kind: 'installation', rateLimit: 100_000 })
    const inputs = { 'max-writes': '300' }

    const deferred: number[] = []
    const event = landPush(emu, text)
    emu.resetLog()
    let report = await sync(emu, 'push', event, { inputs, token })
    deferred.push(report.applied.deferred)
    expect(writeRequests(emu).filter(isIssueWrite).length).toBeLessThanOrEqual(300)
    expect(Number(outputsOf(report).deferred)).toBeGreaterThan(0)
    while (report.applied.deferred > 0) {
      if (deferred.length > 10) throw new Error(`no convergence: deferred ${deferred.join(' → ')}`)
      emu.resetLog()
      // A daily schedule: GitHub's hourly creation limit is never what holds these runs back.
      const day = deferred.length * 24 * 60 * 60_000
      report = await reconcile(emu, { inputs, token, now: () => Date.now() + day })
      deferred.push(report.applied.deferred)
      expect(writeRequests(emu).filter(isIssueWrite).length).toBeLessThanOrEqual(300)
    }
    // Deferred only ever shrinks, and it took as many runs as the budget implies.
    expect(deferred).toEqual([...deferred].sort((a, b) => b - a))
    expect(deferred.length).toBeGreaterThanOrEqual(4)

    const issues = goalIssues(emu)
    expect(issues).toHaveLength(1000)
    expect(duplicatedTitles(emu)).toEqual([])
    const byTitle = new Map(issues.map(i => [i.title, i]))
    const wrong = goals.filter(g => {
      const i = byTitle.get(g.title)
      return (
        !i ||
        i.state !== (g.checked ? 'closed' : 'open') ||
        (g.checked && i.state_reason !== 'completed') ||
        !i.labels.includes(g.category) ||
        !i.labels.includes('goal')
      )
    })
    expect(wrong.map(g => g.title)).toEqual([])
    expect(outputsOf(report).deferred).toBe('0')
    expect(report.total).toBe(1000)
    expect(report.done).toBe(200)

    // Converged means quiet.
    emu.resetLog()
    const after = await reconcile(emu, { inputs, token })
    expect(after.ops).toEqual([])
    expect(writeRequests(emu)).toEqual([])
    expect(emu.reads()).toBeLessThanOrEqual(readBudget())
  }, 90_000)

  it('max-writes bounds every write request of a run, the lock and the commit included', async () => {
    // SPEC §7: max-writes caps the writes of one run. Counted from the requests GitHub received.
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const inputs = { 'max-writes': '10' }
    const perRun: { issues: number; all: number }[] = []
    const count = () => {
      const writes = writeRequests(emu)
      perRun.push({ issues: writes.filter(isIssueWrite).length, all: writes.length })
    }
    emu.resetLog()
    let report = await sync(emu, 'push', landPush(emu, SEEDLIKE), { inputs })
    count()
    while (report.applied.deferred > 0 && perRun.length < 12) {
      emu.resetLog()
      report = await reconcile(emu, { inputs })
      count()
    }
    expect(report.applied.deferred).toBe(0)
    expect(goalIssues(emu)).toHaveLength(parseGoals(SEEDLIKE).total)
    expect(duplicatedTitles(emu)).toEqual([])
    const seen = JSON.stringify(perRun)
    expect(
      perRun.filter(r => r.all > 10),
      seen
    ).toEqual([])
    // Every run but the last made progress on the issues.
    expect(
      perRun.slice(0, -1).filter(r => r.issues === 0),
      seen
    ).toEqual([])
  }, 30_000)

  it('a burst of runs at 1,000 goals never starts more than 500 creations in an hour, and says when the rest follow', async () => {
    const { text } = generateGoals(1000, 8)
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const token = 'ghs_roomy_installation_token'
    emu.addToken(token, { login: 'github-actions[bot]', kind: 'installation', rateLimit: 100_000 })
    const inputs = { 'max-writes': '100000' }
    const first = await sync(emu, 'push', landPush(emu, text), { inputs, token })
    expect(first.applied.created).toHaveLength(500)
    expect(first.applied.deferred).toBe(500)
    expect(first.applied.stoppedBy).toMatch(
      /GitHub's limit of 500 new issues per hour; a run from \d{4}-\d\d-\d\dT[\d:.]+Z on creates the other 500/
    )
    // Back to back: the hour is not over, so nothing more is created.
    const second = await reconcile(emu, { inputs, token })
    expect(second.applied.created).toEqual([])
    expect(second.applied.deferred).toBe(500)
    // Two hours on, the rest.
    const later = Date.now() + 2 * 60 * 60_000
    const third = await reconcile(emu, { inputs, token, now: () => later })
    expect(third.applied.created).toHaveLength(500)
    expect(third.applied.deferred).toBe(0)
    expect(goalIssues(emu)).toHaveLength(1000)
    expect(duplicatedTitles(emu)).toEqual([])
  }, 120_000)
})
