// The payload builders carry what GitHub sends, so a run reads no more than it would on
// GitHub: a scheduled reconcile takes the default branch from the payload's repository.
import { afterEach, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { dispatchEvent, scheduleEvent } from '../../test-support/runner.ts'
import { syncedEmulator, sync } from '../integration/harness.ts'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.close()
  emu = undefined
})

it('a schedule or workflow_dispatch run with nothing to do never asks for the repository', async () => {
  emu = await syncedEmulator()
  for (const [name, payload] of [
    ['schedule', scheduleEvent()],
    ['workflow_dispatch', dispatchEvent()]
  ] as const) {
    emu.resetLog()
    await sync(emu, name, payload)
    const paths = emu.requests.map(r => `${r.method} ${r.path}`)
    expect(paths, name).not.toContain('GET /repos/octo/goals')
    expect(emu.writes(), name).toBe(0)
    // Settings file, goals file, badge, one page of issues: SPEC §7's 3 + ceil(15/100).
    expect(emu.reads(), name).toBeLessThanOrEqual(4)
  }
})
