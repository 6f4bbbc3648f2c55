// Several goals files: a push that changes both files (a tick, a new goal, a goal
// moved from one file to the other) is killed at each of its writes in turn and
// rerun; it must end where a clean run ends, with no duplicate issue, and a
// further rerun must write nothing.
import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { pushEvent } from '../../test-support/runner.ts'
import { emulatorWith, reconcile, sync } from '../integration/harness.ts'
import { duplicatedTitles, snapshot, writeRequests } from './support.ts'

const A = '# A\n\n## Build\n\n- [x] Lay bricks\n- [ ] Fit windows\n'
const B = '# B\n\n## Garden\n\n- [ ] Plant trees\n- [ ] Dig pond\n'
const INPUTS = { path: 'goals/*.md', card: '.github/badges/card.svg' }

async function prepare(): Promise<Emulator> {
  const emu = await emulatorWith({ 'goals/a.md': A, 'goals/b.md': B })
  emu.setPermission('octo', 'admin')
  await reconcile(emu, { inputs: INPUTS })
  return emu
}

/** The person's push: Fit windows moves to b, Plant trees is ticked, Water lawn is new. */
function landPush(emu: Emulator) {
  const a = emu.file('main', 'goals/a.md')!.replace('- [ ] Fit windows\n', '')
  const b = emu
    .file('main', 'goals/b.md')!
    .replace('- [ ] Plant trees', '- [x] Plant trees')
    .concat('- [ ] Fit windows\n- [ ] Water lawn\n')
  const { before, after } = emu.commit('main', { 'goals/a.md': a, 'goals/b.md': b }, 'edit', 'octo')
  const modified = ['goals/a.md', 'goals/b.md']
  return pushEvent({ before, after, commits: [{ id: after, message: 'edit', modified }] })
}

const state = (emu: Emulator) => ({
  ...snapshot(emu),
  a: emu.file('main', 'goals/a.md'),
  b: emu.file('main', 'goals/b.md'),
  card: emu.file('main', INPUTS.card)
})

describe('crash sweep over a run that syncs two goals files', () => {
  it('ends, after a rerun, where a clean run ends, for every k; a further rerun writes nothing', async () => {
    const clean = await prepare()
    const event = landPush(clean)
    clean.resetLog()
    await sync(clean, 'push', event, { inputs: INPUTS })
    const writes = clean.writes()
    const expected = state(clean)
    await clean.close()
    expect(expected.issues).toHaveLength(5)
    expect(expected.b).toContain('- [ ] Fit windows')

    const problems: string[] = []
    for (let k = 1; k <= writes; k++) {
      const emu = await prepare()
      try {
        const push = landPush(emu)
        emu.resetLog()
        emu.failWrite(k, 400)
        await sync(emu, 'push', push, { inputs: INPUTS }).catch(() => undefined)
        const refused = writeRequests(emu)[k - 1]
        const at = `k=${k} (${refused ? `${refused.method} ${refused.path}` : 'none'})`
        await sync(emu, 'push', push, { inputs: INPUTS })
        const got = state(emu)
        if (duplicatedTitles(emu).length > 0)
          problems.push(`${at}: duplicates ${duplicatedTitles(emu)}`)
        for (const key of ['issues', 'labels', 'a', 'b', 'badge', 'card'] as const) {
          if (JSON.stringify(got[key]) !== JSON.stringify(expected[key]))
            problems.push(`${at}: ${key} differs from a clean run's`)
        }
        emu.resetLog()
        await sync(emu, 'push', push, { inputs: INPUTS })
        if (emu.writes() > 0) problems.push(`${at}: a second rerun still wrote`)
      } finally {
        await emu.close()
      }
    }
    expect(writes).toBeGreaterThan(4)
    expect(problems).toEqual([])
  }, 300_000)
})
