// Every request body the action sends validates against GitHub's official REST description
// (@octokit/openapi), with no undeclared property: a first sync, a later push with every
// kind of edit, an issue event, a reconcile and a settings file with assignees.
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { EDITED } from '../robustness/crash-sweep.ts'
import { landPush } from '../robustness/support.ts'
import {
  closeAs,
  emulatorWith,
  goalIssues,
  reconcile,
  SEEDLIKE,
  sync
} from '../integration/harness.ts'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.close()
  emu = undefined
})

describe('request bodies', () => {
  it('follow GitHub REST description through a first sync, a push of every edit and an issue event', async () => {
    emu = await emulatorWith({
      'goals.md': '# Goals\n',
      '.github/goals-sync.yml': 'assignees: [octo]\n'
    })
    emu.setPermission('octo', 'admin')
    await sync(emu, 'push', landPush(emu, SEEDLIKE))
    const first = emu.violations()
    await sync(emu, 'push', landPush(emu, EDITED))
    const open = goalIssues(emu).find(i => i.state === 'open')!
    await closeAs(emu, open.number, 'octo')
    emu.editIssue(open.number, { title: `${open.title}, retitled` }, { as: 'octo' })
    await reconcile(emu)
    // The scenario did write: issues, a comment, labels, commits.
    const writes = emu.requests.filter(r => r.method !== 'GET')
    for (const kind of [
      /\/issues$/,
      /\/comments$/,
      /\/labels$/,
      /\/git\/commits$/,
      /\/git\/refs\//
    ])
      expect(
        writes.some(r => kind.test(r.path)),
        String(kind)
      ).toBe(true)
    expect(first).toEqual([])
    expect(emu.violations()).toEqual([])
  }, 60_000)
})
