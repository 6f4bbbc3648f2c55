// Shared by the emulator tests: an emulator per test and the real Octokit pointed at it.
import { afterEach } from 'vitest'
import { getOctokit } from '@actions/github'
import { startEmulator } from '../../test-support/emulator/index.ts'
import type { Emulator, EmulatorOptions } from '../../test-support/emulator/index.ts'

export const GOALS = '# Goals\n\n## Health\n\n- [ ] Run a marathon\n- [x] Drink water\n'

const running: Emulator[] = []

afterEach(async () => {
  await Promise.all(running.splice(0).map(e => e.close()))
})

export async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({ files: { 'goals.md': GOALS }, ...options })
  running.push(emu)
  return emu
}

export function octokit(emu: Emulator, token = emu.token) {
  return getOctokit(token, { baseUrl: emu.url })
}

/** Runs a request that must fail and returns the error's status and response body. */
export async function failure(
  p: Promise<unknown>
): Promise<{ status: number; data: Record<string, unknown> }> {
  try {
    await p
  } catch (err) {
    const e = err as { status: number; response?: { data: unknown } }
    return { status: e.status, data: (e.response?.data ?? {}) as Record<string, unknown> }
  }
  throw new Error('expected the request to fail')
}
