// The crash sweep of an issue becoming a goal: the run is killed at each of its
// writes (the commit's, then the issue's update), the same event is run again,
// and the repository must end as a clean run leaves it: one goal line, one issue.
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { issuesEvent } from '../../test-support/runner.ts'
import { reconcile, sync, syncedEmulator } from '../integration/harness.ts'
import { writeRequests } from './support.ts'

const LEDGER = '.github/goals-sync/ledger.json'

async function prepare() {
  const emu = await syncedEmulator()
  const issue = emu.createIssue({
    as: 'octo',
    title: 'learn Zig',
    labels: ['goal', 'Craft Goals'],
    body: 'Because comptime looks fun.'
  })
  const event = issuesEvent('opened', emu.issueJson(issue.number), { sender: 'octo' })
  return { emu, number: issue.number, event }
}

function outcome(emu: Emulator, n: number) {
  const issue = emu.issue(n)!
  return {
    file: emu.file('main', 'goals.md'),
    entry: JSON.parse(emu.file('main', LEDGER)!).issues[String(n)],
    body: issue.body,
    labels: [...issue.labels].sort(),
    issues: emu.issues().length
  }
}

describe('crash sweep: an issue becoming a goal, killed at its k-th write, then rerun', () => {
  it('ends where a clean run ends, with one goal line and no second issue, for every k', async () => {
    const clean = await prepare()
    clean.emu.resetLog()
    await sync(clean.emu, 'issues', clean.event)
    const writes = clean.emu.writes()
    const expected = outcome(clean.emu, clean.number)
    await clean.emu.close()
    // The clean run did what the issue asks (the sweep means something).
    expect(writes).toBe(4)
    expect(expected.file!.split('\n').filter(l => l === '[ ] learn Zig')).toHaveLength(1)
    expect(expected.body).toContain('Because comptime looks fun.\n\n---\n\n')

    const problems: string[] = []
    for (let k = 1; k <= writes; k++) {
      const { emu, number, event } = await prepare()
      try {
        emu.resetLog()
        emu.failWrite(k, 400)
        try {
          await sync(emu, 'issues', event)
        } catch {
          // the run dies at the refused write (all but the last)
        }
        const refused = writeRequests(emu)[k - 1]
        const at = `k=${k} (${refused ? `${refused.method} ${refused.path}` : 'no such write'})`
        await sync(emu, 'issues', event)
        const got = outcome(emu, number)
        if (JSON.stringify(got) !== JSON.stringify(expected))
          problems.push(`${at}: ${JSON.stringify(got)} ≠ a clean run's`)
        emu.resetLog()
        await sync(emu, 'issues', event)
        await reconcile(emu)
        if (emu.writes() > 0) problems.push(`${at}: a further rerun and a reconcile still wrote`)
      } finally {
        await emu.close()
      }
    }
    expect(problems).toEqual([])
  }, 180_000)
})
