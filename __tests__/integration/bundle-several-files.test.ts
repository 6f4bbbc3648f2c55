// Issue 11's acceptance for several goals files, on the bundle as a runner runs
// it: `path: goals/*.md` with two files syncs both, each with its own counters,
// the badge showing the sum; a rerun writes nothing.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { dispatchEvent, runAction } from '../../test-support/runner.ts'
import { emulatorWith, goalIssues } from './harness.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const BUNDLE = join(root, 'dist/index.js')
const actionYml = join(root, 'action.yml')

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

const run = () =>
  runAction(BUNDLE, {
    emu,
    eventName: 'workflow_dispatch',
    event: dispatchEvent(),
    actionYml,
    inputs: { path: 'goals/*.md' }
  })

describe('dist/index.js with path: goals/*.md', () => {
  it('syncs both files with their own counters, the badge shows the sum, a rerun writes nothing', async () => {
    emu = await emulatorWith({
      'goals/a.md': '# A\n\n## Build\n\n- [x] Lay bricks\n- [ ] Fit windows\n',
      'goals/b.md': '# B\n\n## Garden\n\n- [ ] Plant trees\n- [x] Dig pond\n- [ ] Build shed\n',
      'notes/other.md': '- [ ] not a goal\n'
    })
    const first = await run()
    expect(first.code, first.stdout).toBe(0)
    expect(first.outputs.total).toBe('5')
    expect(first.outputs.done).toBe('2')
    expect(goalIssues(emu)).toHaveLength(5)
    expect(emu.file('main', 'goals/a.md')).toContain('## Build [1/2]')
    expect(emu.file('main', 'goals/b.md')).toContain('## Garden [1/3]')
    expect(emu.file('main', '.github/badges/goals.svg')).toContain('2/5')
    expect(emu.file('main', 'notes/other.md')).toBe('- [ ] not a goal\n')

    emu.resetLog()
    const rerun = await run()
    expect(rerun.code, rerun.stdout).toBe(0)
    expect(emu.writes()).toBe(0)
    expect(emu.violations()).toEqual([])
  })
})
