// SPEC §6: `dry-run` plans only: no write request at all, and the `plan` output is the
// JSON of what would be done.
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { outputsOf } from '../../src/action/report.ts'
import { emulatorWith, issueFor, reconcile, SEEDLIKE, sync } from '../integration/harness.ts'
import { landPush, writeRequests } from './support.ts'
import { issuesEvent } from '../../test-support/runner.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

const dry = { inputs: { 'dry-run': 'true' } }

interface PlanJson {
  dryRun: boolean
  issues: { op: string; title?: string; label?: string; issue?: number; close?: boolean }[]
  file: { issue: number; checked?: boolean }[]
}

describe('dry-run', () => {
  it('plans a first sync without a single write request, and says what it would do', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const head = emu.head('main')
    const event = landPush(emu, SEEDLIKE)
    const after = emu.head('main')
    emu.resetLog()
    const report = await sync(emu, 'push', event, dry)

    expect(writeRequests(emu)).toEqual([])
    expect(emu.issues()).toEqual([])
    expect(emu.labels().map(l => l.name)).not.toContain('goal')
    expect(emu.head('main')).toBe(after)
    expect(head).not.toBe(after)
    expect(report.ops.length).toBeGreaterThan(0)

    const outputs = outputsOf(report)
    expect(outputs.created).toBe('')
    expect(outputs['commit-sha']).toBe('')
    const plan = JSON.parse(outputs.plan!) as PlanJson
    expect(plan.dryRun).toBe(true)
    const doc = parseGoals(SEEDLIKE)
    const creates = plan.issues.filter(o => o.op === 'create-issue')
    expect(creates.map(o => o.title).sort()).toEqual(doc.goals.map(g => g.title).sort())
    expect(
      creates
        .filter(o => o.close)
        .map(o => o.title)
        .sort()
    ).toEqual(
      doc.goals
        .filter(g => g.checked)
        .map(g => g.title)
        .sort()
    )
    expect(plan.issues.filter(o => o.op === 'create-label').map(o => o.label)).toEqual(
      expect.arrayContaining([
        'goal',
        'Craft Goals',
        'Career Goals',
        'Community Goals',
        'Life Goals'
      ])
    )
    expect(report.total).toBe(doc.total)
    expect(report.done).toBe(doc.done)
  })

  it('plans a close and a file tick on a synced repository, still without writing', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, SEEDLIKE))
    const sail = issueFor(emu, 'learn to sail')
    const meetup = issueFor(emu, 'organise a local meetup')
    const ticked = emu.file('main', 'goals.md')!.replace('[ ] learn to sail', '[x] learn to sail')
    const event = landPush(emu, ticked)
    emu.closeIssue(meetup.number, { as: 'octo' })
    const head = emu.head('main')
    emu.resetLog()

    const pushPlan = await sync(emu, 'push', event, dry)
    const reconcilePlan = await reconcile(emu, dry)
    expect(writeRequests(emu)).toEqual([])
    expect(emu.head('main')).toBe(head)
    expect(emu.issue(sail.number)!.state).toBe('open')

    const fromPush = JSON.parse(outputsOf(pushPlan).plan!) as PlanJson
    expect(fromPush.issues).toContainEqual(
      expect.objectContaining({ op: 'close-issue', issue: sail.number })
    )
    const fromReconcile = JSON.parse(outputsOf(reconcilePlan).plan!) as PlanJson
    expect(fromReconcile.file).toContainEqual(
      expect.objectContaining({ issue: meetup.number, checked: true })
    )
  })

  it('an issue event under dry-run plans the tick but commits nothing', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, SEEDLIKE))
    emu.setPermission('octo', 'admin')
    const sail = issueFor(emu, 'learn to sail')
    emu.closeIssue(sail.number, { as: 'octo' })
    const head = emu.head('main')
    const file = emu.file('main', 'goals.md')
    emu.resetLog()
    const report = await sync(
      emu,
      'issues',
      issuesEvent('closed', emu.issueJson(sail.number), { sender: 'octo' }),
      dry
    )
    expect(writeRequests(emu)).toEqual([])
    expect(emu.head('main')).toBe(head)
    expect(emu.file('main', 'goals.md')).toBe(file)
    expect(report.edits).toMatchObject([{ issue: sail.number, checked: true }])
    expect(outputsOf(report)['commit-sha']).toBe('')
  })
})
