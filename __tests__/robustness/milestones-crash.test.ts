// Milestones (issue 11) under failure: the seed-shaped first sync with
// `milestones: true` killed at each of its writes, then rerun, must end as a
// clean run ends; a milestone whose creation answer was lost is found again by
// its name and the action's description, never made twice. And the bundle, run
// as a runner runs it, with the input on.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { runAction } from '../../test-support/runner.ts'
import { clientFor, emulatorWith, fixture, sync } from '../integration/harness.ts'
import { landPush, snapshot, writeRequests } from './support.ts'

const SEVEN = fixture('seven-categories.md')
const ON = { inputs: { milestones: 'true' } }

/** Milestones and where each goal issue sits, in a form two runs compare by. */
function milestoneState(emu: Emulator) {
  const titleOf = new Map(emu.milestones().map(m => [m.number, m.title]))
  return {
    milestones: emu
      .milestones()
      .map(m => `${m.title}|${m.state}|${m.open_issues}|${m.closed_issues}|${m.description}`)
      .sort(),
    issues: emu
      .issues()
      .map(i => `${i.title}|${i.milestone === null ? '-' : titleOf.get(i.milestone)}`)
      .sort()
  }
}

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.close()
  emu = undefined
})

describe('milestones: crash safety', () => {
  it('a first sync killed at its k-th write, for every k, ends after a rerun where a clean run ends', async () => {
    const clean = await emulatorWith({ 'goals.md': '# Goals\n' })
    let writes: number
    let expected: { state: ReturnType<typeof milestoneState>; rest: ReturnType<typeof snapshot> }
    try {
      const event = landPush(clean, SEVEN)
      clean.resetLog()
      await sync(clean, 'push', event, ON)
      writes = clean.writes()
      expected = { state: milestoneState(clean), rest: snapshot(clean) }
    } finally {
      await clean.close()
    }
    expect(expected.state.milestones).toHaveLength(7)

    const problems: string[] = []
    for (let k = 1; k <= writes; k++) {
      const e = await emulatorWith({ 'goals.md': '# Goals\n' })
      try {
        const event = landPush(e, SEVEN)
        e.resetLog()
        // 400 is not retried: the k-th write is refused and the run dies there.
        e.failWrite(k, 400)
        await sync(e, 'push', event, ON).catch(() => {})
        const refused = writeRequests(e)[k - 1]
        const at = `k=${k} (${refused ? `${refused.method} ${refused.path}` : '-'})`
        await sync(e, 'push', event, ON)
        const got = milestoneState(e)
        if (JSON.stringify(got) !== JSON.stringify(expected.state))
          problems.push(`${at}: milestones differ: ${JSON.stringify(got.milestones)}`)
        if (JSON.stringify(snapshot(e)) !== JSON.stringify(expected.rest))
          problems.push(`${at}: issues, labels or files differ from a clean run's`)
        e.resetLog()
        await sync(e, 'push', event, ON)
        if (e.writes() > 0)
          problems.push(`${at}: a second rerun wrote ${writeRequests(e).map(w => w.path)}`)
      } finally {
        await e.close()
      }
    }
    expect(writes).toBeGreaterThan(7 + 15)
    expect(problems).toEqual([])
  }, 240_000)

  it('a milestone whose creation answer was lost is recognised by name and description: no second one', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const e = emu
    const event = landPush(e, SEVEN)
    // GitHub makes the first milestone, then its answer is a 502 (sent once, not retried).
    const path = `/repos/${e.owner}/${e.repo}/milestones`
    let lost: string | null = null
    e.onRequest(async req => {
      if (req.method !== 'POST' || req.path !== path || lost !== null) return
      const body = req.body as { title: string; description: string }
      lost = body.title
      await clientFor(e).rest.issues.createMilestone({ owner: e.owner, repo: e.repo, ...body })
      e.fail({ method: 'POST', path, nth: 1, status: 502 })
    })
    // The run lists the milestones again, finds it by name and description, and goes on.
    await sync(emu, 'push', event, ON)
    expect(lost).toBe('Technical Goals')
    const titles = emu.milestones().map(m => m.title)
    expect(titles).toHaveLength(7)
    expect(new Set(titles).size).toBe(7)
    const ledger = JSON.parse(emu.file('main', '.github/goals-sync/ledger.json')!)
    expect(Object.keys(ledger.milestones)).toHaveLength(7)
    expect(emu.violations()).toEqual([])
  })
})

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')

describe('milestones: the bundle as a runner runs it', () => {
  it('with the input milestones: true, the first sync leaves seven milestones', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const e = emu
    const token = 'ghs_MilestonesBundleTestToken'
    e.addToken(token, { login: 'github-actions[bot]', kind: 'installation' })
    const event = landPush(e, SEVEN)
    const result = await runAction(join(root, 'dist/index.js'), {
      emu: { url: e.url, token, owner: e.owner, repo: e.repo, head: b => e.head(b) },
      eventName: 'push',
      event,
      actionYml: join(root, 'action.yml'),
      inputs: { milestones: 'true' }
    })
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0)
    expect(
      e
        .milestones()
        .map(m => [m.title, m.open_issues, m.closed_issues])
        .sort()
    ).toEqual([
      ['Career Goals', 2, 0],
      ['Communication Goals', 1, 1],
      ['Community Goals', 1, 1],
      ['Leadership Goals', 1, 1],
      ['Learning Goals', 0, 1],
      ['Personal Goals', 1, 2],
      ['Technical Goals', 1, 2]
    ])
    expect(e.violations()).toEqual([])
  }, 60_000)
})
